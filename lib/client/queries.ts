import { queryOptions } from "@tanstack/react-query";
import type {
  BalanceResponse,
  CandlesResponse,
  EquityResponse,
  OrdersResponse,
  PositionsResponse,
  RiskResponse,
  StatusResponse,
  TradesResponse,
} from "@/lib/api-types";
import { INTERVAL_MS, type BarInterval } from "@/lib/domain/market-data";
import { getJson, withQuery } from "@/lib/client/api-client";

const DAY_MS = 86_400_000;
export const CHART_BARS = 500;
export const FILLS_LIMIT = 50;
export const OPEN_ORDERS_LIMIT = 200;

/** One place for cache keys, so live socket updates write where the queries read. */
export const queryKeys = {
  status: ["status"] as const,
  balance: ["balance"] as const,
  equity: ["equity"] as const,
  positions: ["positions"] as const,
  openOrders: ["orders", "open"] as const,
  fills: ["trades", "recent"] as const,
  risk: ["risk"] as const,
  candles: (symbol: string, interval: BarInterval) => ["candles", symbol, interval] as const,
  dayCandles: (symbol: string) => ["candles", symbol, "24h"] as const,
};

export const statusQuery = () =>
  queryOptions({
    queryKey: queryKeys.status,
    queryFn: ({ signal }) => getJson<StatusResponse>("/api/status", { signal }),
    staleTime: 60_000,
  });

export const balanceQuery = () =>
  queryOptions({
    queryKey: queryKeys.balance,
    queryFn: ({ signal }) => getJson<BalanceResponse>("/api/balance", { signal }),
  });

export const equityQuery = () =>
  queryOptions({
    queryKey: queryKeys.equity,
    queryFn: ({ signal }) => {
      const to = Date.now();
      return getJson<EquityResponse>(withQuery("/api/equity", { from: to - DAY_MS, to }), { signal });
    },
  });

export const positionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.positions,
    queryFn: ({ signal }) => getJson<PositionsResponse>("/api/positions", { signal }),
  });

export const openOrdersQuery = () =>
  queryOptions({
    queryKey: queryKeys.openOrders,
    queryFn: ({ signal }) =>
      getJson<OrdersResponse>(withQuery("/api/orders", { status: "open", limit: OPEN_ORDERS_LIMIT }), { signal }),
  });

export const fillsQuery = () =>
  queryOptions({
    queryKey: queryKeys.fills,
    queryFn: ({ signal }) => getJson<TradesResponse>(withQuery("/api/trades", { limit: FILLS_LIMIT }), { signal }),
  });

export const riskQuery = () =>
  queryOptions({
    queryKey: queryKeys.risk,
    queryFn: ({ signal }) => getJson<RiskResponse>("/api/risk", { signal }),
  });

export const candlesQuery = (symbol: string, interval: BarInterval) =>
  queryOptions({
    queryKey: queryKeys.candles(symbol, interval),
    queryFn: ({ signal }) => {
      const to = Date.now();
      const from = to - CHART_BARS * INTERVAL_MS[interval];
      return getJson<CandlesResponse>(
        withQuery("/api/candles", { symbol, interval, from, to, limit: CHART_BARS }),
        { signal },
      );
    },
    // Live bars keep the chart current; a refetch would only reset the series.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** Hourly candles of the last 24h: the reference price for each market card. */
export const dayCandlesQuery = (symbol: string) =>
  queryOptions({
    queryKey: queryKeys.dayCandles(symbol),
    queryFn: ({ signal }) => {
      const to = Date.now();
      return getJson<CandlesResponse>(
        withQuery("/api/candles", { symbol, interval: "1h", from: to - DAY_MS, to, limit: 25 }),
        { signal },
      );
    },
    staleTime: 5 * 60_000,
  });
