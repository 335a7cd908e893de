import { DEFAULT_INSTRUMENTS } from "@/lib/domain/instrument";
import type { Bar } from "@/lib/domain/market-data";
import type { StoredEnsemble } from "@/lib/ml/inference/load-ensemble";
import { InferenceThread } from "@/lib/ml/live/inference-thread";
import type { LiveCall } from "@/lib/ml/live/live-call";
import { IngestPipeline } from "../ingest/ingest-pipeline";
import { measureSides, pairedRatio, warmUp, type SideFigures } from "../ingest/measure";
import { generateMessages } from "../ingest/messages";
import { restingOrders } from "../ingest/resting-orders";

const TICKS = 400_000;
const MEAN_TICKS_PER_SECOND = 50;
const SEED = 42;
/** The interval a live ensemble trades on by default (STRATEGY_INTERVAL). */
const ENSEMBLE_INTERVAL = "1m";

export interface IngestWithEnsemble {
  ticks: number;
  without: SideFigures;
  with: SideFigures;
  /** Median over repetitions of (with / without) ticks per second in the same repetition. */
  ratio: number;
  /** Calls the inference thread answered per pass, and how long after the last pass its last answer came. */
  ensembleCallsPerPass: number;
  drainMs: number;
}

/**
 * Tick ingest as the ingest benchmark measures it, with and without one live ensemble per symbol on the closed 1m
 * bars, run as the engine runs it: each closed bar is posted to the inference thread from the bar-close callback,
 * and the thread answers with the calls. Every answer is awaited before the figures are reported.
 */
export async function measureIngestWithEnsemble(stored: StoredEnsemble): Promise<IngestWithEnsemble> {
  const instruments = DEFAULT_INSTRUMENTS;
  const { messages } = generateMessages({ count: TICKS, seed: SEED, meanTicksPerSecond: MEAN_TICKS_PER_SECOND, instruments });
  const orders = restingOrders(instruments, { far: 100, nearOffsets: [0.001, 0.003, 0.006], notional: 2_000 });
  const thread = new InferenceThread((error) => console.error(`inference thread failed: ${error.message}`));
  try {
    const answers: Array<Promise<LiveCall[]>> = [];
    const loads: Array<Promise<unknown>> = [];
    let pass = 0;
    // Each pass replays the same span from a fresh pipeline, so it gets fresh predictors too (old ones would refuse
    // bars they have seen). The thread handles messages in order: a load posted now is done before the pass's bars.
    const freshPredictors = () => {
      pass += 1;
      for (const { symbol } of instruments) {
        thread.unload(`${symbol}#${pass - 1}`);
        loads.push(thread.load({ id: `${symbol}#${pass}`, name: "bench", version: pass, role: "production", symbol, interval: ENSEMBLE_INTERVAL }, stored, []));
      }
    };
    const pipeline = (ensemble: boolean) => () => {
      if (ensemble) freshPredictors();
      const onBarClosed = ensemble ? (bar: Bar) => void (bar.interval === ENSEMBLE_INTERVAL && answers.push(thread.onBar(bar))) : undefined;
      return new IngestPipeline({ instruments, restingOrders: orders, initialCash: "100000", onBarClosed });
    };
    const options = { messages, warmupMessages: messages.slice(0, 100_000), warmupRounds: 2, repetitions: 5 };
    warmUp([pipeline(false), pipeline(true)], options);
    await Promise.all([...loads.splice(0), ...answers.splice(0)]);
    const [without, withModel] = measureSides([pipeline(false), pipeline(true)], options);
    const lastPassEnded = performance.now();
    await Promise.all(loads);
    const calls = (await Promise.all(answers)).reduce((n, c) => n + c.length, 0);
    return { ticks: TICKS, without, with: withModel, ratio: pairedRatio(withModel, without), ensembleCallsPerPass: Math.round(calls / (2 * options.repetitions)), drainMs: performance.now() - lastPassEnded };
  } finally {
    await thread.close();
  }
}
