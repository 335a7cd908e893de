import type { RiskOverview } from "@/lib/server/risk/risk-overview";
import type { AccountView, EquityPoint, PositionView, RiskView } from "@/lib/domain/account";
import type { Instrument } from "@/lib/domain/instrument";
import type { Bar, FeedStatus } from "@/lib/domain/market-data";
import type { Fill, Order } from "@/lib/domain/order";
import type { LiveVenueStatus } from "@/lib/server/venues/venue-heartbeat-status";

/** JSON bodies of the HTTP API, shared by route handlers and the dashboard. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface StatusResponse {
  version: string;
  mode: "embedded" | "split";
  startedAt: number;
  uptimeSeconds: number;
  accountId: string;
  feeds: FeedStatus[];
  instruments: Instrument[];
  counts: { orders: number; openOrders: number; fills: number; bars: number; ticks: number };
  worker: { heartbeatAgeMs: number | null };
  /** Each live venue's connection and reconciliation, from the engine's last heartbeat. */
  venues: LiveVenueStatus[];
}

export interface HealthResponse {
  status: "ok" | "degraded" | "down";
  checks: Record<string, { ok: boolean; detail?: string; latencyMs?: number }>;
}

export type PositionsResponse = { positions: PositionView[] };
export type BalanceResponse = { account: AccountView };
export type EquityResponse = { points: EquityPoint[] };
export type OrdersResponse = Page<Order>;
export type TradesResponse = Page<Fill>;
export type CandlesResponse = { candles: Bar[] };
/** GET /api/risk; socket `risk` events replace only `risk`. */
export type RiskResponse = { risk: RiskView } & Partial<Omit<RiskOverview, "risk">>;
export type OrderResponse = { order: Order };

/** Result of a server action: never throws to the browser, always says why. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
