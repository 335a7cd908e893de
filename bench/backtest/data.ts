import { existsSync } from "node:fs";
import path from "node:path";
import { loadRecording } from "@/lib/market/replay/detect-format";
import type { RecordedBar, RecordedTrade } from "@/lib/market/replay/recording";

/** The freqtrade 1-minute unit-test candles, found beside the repository as ../shared/data. */
export const DATA_FILE = path.join(import.meta.dirname, "..", "..", "..", "shared", "data", "freqtrade", "UNITTEST_BTC-1m.json");

export interface BenchBars {
  file: string;
  bars: RecordedBar[];
  intervalMs: number;
}

/** The bars, or null when the data set is not there (the benchmark is then skipped, not failed). */
export async function loadBenchBars(file = DATA_FILE): Promise<BenchBars | null> {
  if (!existsSync(file)) return null;
  const recording = await loadRecording(file);
  if (recording.kind !== "bars") throw new Error(`${file}: expected candles, got a trades recording`);
  return { file, bars: recording.bars, intervalMs: recording.intervalMs };
}

/** The freqtrade XRP/ETH trades recording (12,477 prints), for trades replayed per second. */
export const TRADES_FILE = path.join(import.meta.dirname, "..", "..", "..", "shared", "data", "freqtrade", "XRP_ETH-trades.json.gz");

/** The recorded trades, or null when the data set is not there. */
export async function loadBenchTrades(file = TRADES_FILE): Promise<{ file: string; trades: RecordedTrade[] } | null> {
  if (!existsSync(file)) return null;
  const recording = await loadRecording(file);
  if (recording.kind !== "trades") throw new Error(`${file}: expected a trades recording, got candles`);
  return { file, trades: recording.trades };
}

/** Passes over `barsPerPass` bars needed to reach at least `minBars` bars. */
export function passesFor(barsPerPass: number, minBars: number): number {
  return Math.max(1, Math.ceil(minBars / barsPerPass));
}
