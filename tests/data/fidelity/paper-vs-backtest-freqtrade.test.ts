import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BacktestResult } from "@/lib/backtest/types";
import { readFreqtradeTrades } from "@/lib/market/replay/freqtrade-trades";
import type { RecordedTrade } from "@/lib/market/replay/recording";
import { listInstruments } from "@/lib/server/queries/instruments";
import { TEST_ENV } from "@/tests/integration/support/engine-harness";
import { backtestSamePrints } from "@/tests/integration/fidelity/backtest-same-prints";
import { backtestFills, backtestOrders, liveFills, liveOrders } from "@/tests/integration/fidelity/comparable";
import { closeStopped, type LiveReplay, REPLAY_SYMBOL, runPaperEngineOnFile, type StrategySettings } from "@/tests/integration/fidelity/live-replay";
import { sharedDataPath } from "@/tests/support/shared-data";

// freqtrade's XRP/ETH test recording: 12,477 real trades over 59 hours, priced in ETH (about 0.0014 per XRP).
const FILE = sharedDataPath("freqtrade", "XRP_ETH-trades.json.gz");
const STRATEGY: StrategySettings = { interval: "1m", intervalMs: 60_000, fast: 5, slow: 20, notional: "10", takerFeeBps: 5, slippageBps: 1 };

let trades: RecordedTrade[];
let live: LiveReplay;
let backtest: BacktestResult;

beforeAll(async () => {
  trades = await readFreqtradeTrades(FILE);
  live = await runPaperEngineOnFile(FILE, trades.length, STRATEGY, {}, 90_000);
  const instrument = (await listInstruments(live.harness.services.database.db)).find((i) => i.symbol === REPLAY_SYMBOL)!;
  backtest = backtestSamePrints(trades, {
    instrument, cash: TEST_ENV.INITIAL_CASH, maxOrderNotional: TEST_ENV.MAX_ORDER_NOTIONAL, maxPositionFraction: TEST_ENV.MAX_POSITION_SIZE,
  }, STRATEGY);
}, 110_000);
afterAll(async () => closeStopped(live?.harness));

describe("the paper engine replaying freqtrade's XRP/ETH trades and the backtester on the same trades", () => {
  it("send the same orders on the same bars and fill them at the same prints", () => {
    expect(live.orders.length).toBeGreaterThanOrEqual(20);
    expect(backtest.rejectedOrders).toEqual([]);
    expect(liveOrders(live)).toEqual(backtestOrders(backtest, STRATEGY.intervalMs));
    expect(liveFills(live)).toEqual(backtestFills(backtest));
  });
});
