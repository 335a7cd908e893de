import path from "node:path";
import { loadBenchBars, type BenchBars } from "../backtest/data";

/** The freqtrade 5-minute unit-test candles (5,760 bars), beside the repository in ../shared/data. */
export const MODELS_DATA_FILE = path.join(import.meta.dirname, "..", "..", "..", "shared", "data", "freqtrade", "UNITTEST_BTC-5m.json");

/** The bars, or null when the data set is not there (the benchmark is then skipped, not failed). */
export function loadModelBars(): Promise<BenchBars | null> {
  return loadBenchBars(MODELS_DATA_FILE);
}
