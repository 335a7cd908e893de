import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Logger } from "pino";
import type { RiskLimits } from "@/lib/domain/account";
import { DEFAULT_INSTRUMENTS } from "@/lib/domain/instrument";
import type { Database } from "@/lib/db/client";
import type { SubmitOrderCommand } from "@/lib/engine/commands";
import type { LivePublisher } from "@/lib/engine/live-publisher";
import { OrderRouter } from "@/lib/engine/order-router";
import type { OrderJournal } from "@/lib/engine/persistence/order-journal";
import { RiskState } from "@/lib/engine/risk-state";
import { SerialQueue } from "@/lib/engine/serial-queue";
import { PaperBroker } from "@/lib/execution/paper-broker";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { createPreTradeGate } from "@/lib/risk/pre-trade-gate";

const riskEvents = vi.hoisted(() => [] as { code: string }[]);
vi.mock("@/lib/engine/persistence/risk-store", () => ({ recordRiskEvent: async (_db: unknown, event: { code: string }) => void riskEvents.push(event) }));
vi.mock("@/lib/db/audit", () => ({ appendAudit: async () => undefined }));

const PRICES: Record<string, number> = { BTCUSDT: 50_000, ETHUSDT: 3_000 };
const LIMITS: RiskLimits = {
  maxOrderNotional: "20000", maxPositionFraction: "0.2", maxTotalPositionFraction: "0.25", maxOpenOrdersNotional: "25000",
  priceCollarFraction: "0.05", duplicateWindowMs: 2_000, maxOrdersPerMinute: 4, maxOrdersPerMinutePerStrategy: 3,
};

function journal(): OrderJournal {
  return {
    byClientOrderId: async () => undefined,
    insertNew: async (order: unknown) => ({ inserted: true, order }),
    recordStatus: async () => undefined,
    recordFill: async () => true,
  } as unknown as OrderJournal;
}

function routerAt(clock: { now: number }): OrderRouter {
  const broker = new PaperBroker({ instruments: DEFAULT_INSTRUMENTS, slippageBps: 0, makerFeeBps: 0, takerFeeBps: 0, partialFills: false, now: () => clock.now });
  const portfolio = new Portfolio({ initialCash: 100_000, instruments: DEFAULT_INSTRUMENTS });
  for (const [symbol, price] of Object.entries(PRICES)) {
    broker.onTick({ symbol, ts: clock.now, price, size: 100, side: "buy", seq: 1 });
    portfolio.mark(symbol, price);
  }
  return new OrderRouter({
    accountId: "acc-1", instruments: new Map(DEFAULT_INSTRUMENTS.map((i) => [i.symbol, i])), broker: Object.assign(broker, { restore: () => undefined }),
    portfolio, risk: new RiskState("acc-1", LIMITS), gate: createPreTradeGate(), journal: journal(), db: {} as Database,
    queue: new SerialQueue(() => undefined), publisher: { order: () => undefined, fill: () => undefined } as unknown as LivePublisher,
    referencePrice: (symbol) => PRICES[symbol] ?? null, log: { error: () => undefined } as unknown as Logger, now: () => clock.now,
  });
}

let seq = 0;
function command(overrides: Partial<SubmitOrderCommand> = {}): SubmitOrderCommand {
  seq += 1;
  return { clientOrderId: `c-${seq}`, accountId: "acc-1", symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01", timeInForce: "GTC", source: "api", actor: "alice", ...overrides };
}

async function refusal(router: OrderRouter, overrides: Partial<SubmitOrderCommand>): Promise<string> {
  return router.submit(command(overrides)).then(() => "ACCEPTED", (error: { code: string }) => error.code);
}

describe("the order router's pre-trade context", () => {
  let clock: { now: number };
  let router: OrderRouter;
  beforeEach(() => {
    riskEvents.length = 0;
    clock = { now: 1_000_000 };
    router = routerAt(clock);
  });

  it("refuses a repeat of an accepted order within the window, records it and counts it by code", async () => {
    expect(await refusal(router, {})).toBe("ACCEPTED");
    expect(await refusal(router, {})).toBe("DUPLICATE_ORDER");
    clock.now += 2_001;
    expect(await refusal(router, {})).toBe("ACCEPTED");
    expect(riskEvents.map((e) => e.code)).toEqual(["DUPLICATE_ORDER"]);
    expect(router.rejectionCounts()).toMatchObject({ DUPLICATE_ORDER: 1, ORDER_RATE_LIMIT: 0, KILL_SWITCH_ACTIVE: 0 });
  });

  it("throttles per strategy (source and actor) and per account; refused orders do not use up the rate", async () => {
    for (const quantity of ["0.01", "0.02"]) expect(await refusal(router, { quantity })).toBe("ACCEPTED");
    expect(await refusal(router, { quantity: "0.02" })).toBe("DUPLICATE_ORDER");
    expect(await refusal(router, { quantity: "0.03" })).toBe("ACCEPTED");
    expect(await refusal(router, { quantity: "0.04" })).toBe("STRATEGY_RATE_LIMIT");
    expect(await refusal(router, { quantity: "0.04", actor: "bob" })).toBe("ACCEPTED");
    expect(await refusal(router, { quantity: "0.05", actor: "carol" })).toBe("ORDER_RATE_LIMIT");
    clock.now += 60_000;
    expect(await refusal(router, { quantity: "0.05", actor: "carol" })).toBe("ACCEPTED");
  });

  it("adds the resting orders' value to each new order's", async () => {
    expect(await refusal(router, { type: "LIMIT", price: "49000", quantity: "0.4" })).toBe("ACCEPTED");
    expect(await refusal(router, { type: "LIMIT", price: "2900", quantity: "2", symbol: "ETHUSDT" })).toBe("MAX_OPEN_ORDERS_NOTIONAL");
    expect(await refusal(router, { type: "LIMIT", price: "2900", quantity: "1.5", symbol: "ETHUSDT" })).toBe("ACCEPTED");
    expect(await refusal(router, { type: "LIMIT", price: "30000", quantity: "0.001" })).toBe("PRICE_COLLAR");
  });

  it("counts the other symbols' positions at their marks in the total exposure", async () => {
    expect(await refusal(router, { symbol: "ETHUSDT", quantity: "6" })).toBe("ACCEPTED");
    expect(await refusal(router, { quantity: "0.15" })).toBe("MAX_TOTAL_POSITION");
    expect(await refusal(router, { quantity: "0.13" })).toBe("ACCEPTED");
  });
});
