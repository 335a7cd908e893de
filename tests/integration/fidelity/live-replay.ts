import type { BarInterval } from "@/lib/domain/market-data";
import type { RecordedTrade } from "@/lib/market/replay/recording";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";
import { writeFreqtradeTrades } from "./recorded-trades";

export const REPLAY_SYMBOL = "FIDELITY";

/** The strategy's settings, the same for the paper engine and the backtest. */
export interface StrategySettings {
  interval: BarInterval;
  intervalMs: number;
  fast: number;
  slow: number;
  notional: string;
  takerFeeBps: number;
  slippageBps: number;
}

export const STRATEGY: StrategySettings = { interval: "1s", intervalMs: 1_000, fast: 3, slow: 8, notional: "1000", takerFeeBps: 5, slippageBps: 1 };

export interface LiveOrder {
  clientOrderId: string;
  side: string;
  quantity: string;
  status: string;
}

export interface LiveFill {
  clientOrderId: string;
  side: string;
  quantity: string;
  price: string;
  fee: string;
  ts: number;
}

export interface LiveReplay {
  harness: Harness;
  /** Strategy orders in the order they reached the journal. */
  orders: LiveOrder[];
  fills: LiveFill[];
}

/** The paper engine on generated prints, written to a temporary freqtrade trades file for the replay feed. */
export async function runPaperEngineOnReplay(trades: readonly RecordedTrade[], env: Record<string, string> = {}): Promise<LiveReplay> {
  const recording = await writeFreqtradeTrades(trades);
  try {
    return await runPaperEngineOnFile(recording.file, trades.length, STRATEGY, env);
  } finally {
    await recording.remove();
  }
}

/**
 * Runs the embedded engine on the replay feed of a recorded file as fast as it goes, with the strategy on, until
 * all its prints are processed and every order event is durable. The caller closes the harness (closeStopped).
 */
export async function runPaperEngineOnFile(file: string, prints: number, strategy: StrategySettings, env: Record<string, string> = {}, timeoutMs = 30_000): Promise<LiveReplay> {
  const harness = await startHarness({
    MARKET_FEEDS: "replay", REPLAY_FILE: file, REPLAY_SYMBOL, REPLAY_SPEED: "0",
    STRATEGY_ENABLED: "true", STRATEGY_INTERVAL: strategy.interval, STRATEGY_FAST: String(strategy.fast), STRATEGY_SLOW: String(strategy.slow),
    STRATEGY_NOTIONAL: strategy.notional, PAPER_TAKER_FEE_BPS: String(strategy.takerFeeBps), PAPER_SLIPPAGE_BPS: String(strategy.slippageBps),
    ...env,
  });
  await waitFor(() => harness.engine.ticksProcessed() === prints, "the replay to be processed", timeoutMs);
  // Stopping drains the journal: every order and fill is in the database afterwards.
  await harness.engine.stop();
  const db = harness.services.database;
  const orders = await db.query<LiveOrder & Record<string, unknown>>(
    `select o.client_order_id as "clientOrderId", o.side, o.quantity::text as quantity, o.status
       from orders o join order_events e on e.order_id = o.id and e.event = 'NEW'
      where o.source = 'strategy' order by e.id`,
  );
  const fills = await db.query<LiveFill & Record<string, unknown>>(
    `select client_order_id as "clientOrderId", side, quantity::text as quantity, price::text as price, fee::text as fee,
            (extract(epoch from ts) * 1000)::float8 as ts
       from fills order by ts, id`,
  );
  return { harness, orders, fills };
}

/** The harness after runPaperEngineOnReplay stopped its engine: close the bus and the database. */
export async function closeStopped(harness: Harness | undefined): Promise<void> {
  await harness?.services.bus.close();
  await harness?.services.database.close();
}
