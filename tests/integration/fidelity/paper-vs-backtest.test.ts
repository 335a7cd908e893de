import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BacktestResult } from "@/lib/backtest/types";
import { listInstruments } from "@/lib/server/queries/instruments";
import { TEST_ENV } from "../support/engine-harness";
import { backtestSamePrints } from "./backtest-same-prints";
import { backtestFills, backtestOrders, liveDecisionBar, liveFills, liveOrders } from "./comparable";
import { closeStopped, type LiveReplay, REPLAY_SYMBOL, runPaperEngineOnReplay, STRATEGY } from "./live-replay";
import { trendingTrades } from "./recorded-trades";

const trades = trendingTrades(4_000);
let live: LiveReplay;
let backtest: BacktestResult;

beforeAll(async () => {
  live = await runPaperEngineOnReplay(trades);
  const instrument = (await listInstruments(live.harness.services.database.db)).find((i) => i.symbol === REPLAY_SYMBOL)!;
  backtest = backtestSamePrints(trades, {
    instrument, cash: TEST_ENV.INITIAL_CASH, maxOrderNotional: TEST_ENV.MAX_ORDER_NOTIONAL, maxPositionFraction: TEST_ENV.MAX_POSITION_SIZE,
  });
});
afterAll(async () => closeStopped(live?.harness));

describe("the paper engine on a replay and the backtester on the same prints", () => {
  it("trade often enough for the comparison to mean something", () => {
    expect(live.orders.length).toBeGreaterThanOrEqual(10);
    expect(live.orders.every((o) => o.status === "FILLED")).toBe(true);
    expect(backtest.rejectedOrders).toEqual([]);
  });

  it("send the same orders, in the same sequence, decided on the same bars", () => {
    expect(liveOrders(live)).toEqual(backtestOrders(backtest, STRATEGY.intervalMs));
  });

  it("fill them at the same prints: price, quantity, fee and time", () => {
    expect(liveFills(live)).toEqual(backtestFills(backtest));
    // Each fill is at the first print after its bar closed, however fast the replay ran.
    for (const fill of live.fills) {
      const closedAt = liveDecisionBar(fill.clientOrderId) + STRATEGY.intervalMs;
      expect(fill.ts).toBe(trades.find((t) => t.ts >= closedAt)!.ts);
    }
  });
});
