import type { BenchModule } from "./harness/bench-result";
import * as ingest from "./ingest.bench";
import * as backtest from "./backtest.bench";
import * as models from "./models.bench";
import * as risk from "./risk.bench";
import * as riskRealtime from "./risk-realtime.bench";
import * as bybit from "./bybit.bench";
import * as mt5 from "./mt5.bench";
import * as http from "./http.bench";
import * as fanout from "./fanout.bench";

/** Every benchmark, in run order; a new benchmark is one file and one line here. */
export const BENCHMARKS: readonly BenchModule[] = [ingest, backtest, models, risk, riskRealtime, bybit, mt5, fanout, http];
