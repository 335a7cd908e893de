import { DEFAULT_INSTRUMENTS } from "@/lib/domain/instrument";
import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatRate } from "./harness/format";
import { IngestPipeline } from "./ingest/ingest-pipeline";
import { measureSides, pairedRatio, timerOverhead, warmUp, type MeasureOptions } from "./ingest/measure";
import { generateMessages } from "./ingest/messages";
import { ingestTable } from "./ingest/report";
import { ParseOnly } from "./ingest/parse-only";
import { restingOrders } from "./ingest/resting-orders";

export const name = "ingest";

const TICKS = 1_000_000;
const WARMUP_TICKS = 200_000;
const WARMUP_ROUNDS = 2;
const REPETITIONS = 5;
const SEED = 42;
// A busy feed: 1M ticks span about 5.5 simulated hours, so 1s through 1h bars all close.
const MEAN_TICKS_PER_SECOND = 50;
const TARGET_TICKS_PER_SECOND = 200_000;
const INITIAL_CASH = "100000";
const ORDER_PLAN = { far: 100, nearOffsets: [0.001, 0.003, 0.006], notional: 2_000 } as const;

/** Ingest throughput: sim ticks as JSON -> bars (all intervals) -> portfolio mark -> paper broker, against parse alone. */
export async function run(): Promise<BenchResult> {
  const instruments = DEFAULT_INSTRUMENTS;
  const { messages, simulatedSeconds } = generateMessages({ count: TICKS, seed: SEED, meanTicksPerSecond: MEAN_TICKS_PER_SECOND, instruments });
  const orders = restingOrders(instruments, ORDER_PLAN);
  const newPipeline = () => new IngestPipeline({ instruments, restingOrders: orders, initialCash: INITIAL_CASH });
  const options: MeasureOptions = { messages, warmupMessages: messages.slice(0, WARMUP_TICKS), warmupRounds: WARMUP_ROUNDS, repetitions: REPETITIONS };

  warmUp([() => new ParseOnly(), newPipeline], options);
  const [baseline, pipeline] = measureSides([() => new ParseOnly(), newPipeline], options);
  const throughputRatio = pairedRatio(pipeline, baseline);
  const timer = timerOverhead(messages);
  const outcome = pipelineOutcome(newPipeline(), messages);
  const met = pipeline.ticksPerSecond >= TARGET_TICKS_PER_SECOND;

  return {
    name,
    title: `Ingest throughput: ${formatRate(TICKS)} sim ticks, JSON -> bars (all intervals) -> mark -> paper broker`,
    environment: currentEnvironment(),
    table: ingestTable(baseline, pipeline, throughputRatio, timer),
    target: { description: `pipeline >= ${formatRate(TARGET_TICKS_PER_SECOND)} ticks/s on one core`, met },
    notes: [
      `${REPETITIONS} repetitions after ${WARMUP_ROUNDS} warm-up rounds of ${formatRate(WARMUP_TICKS)} ticks; medians shown. Throughput from untimed passes, latency from separate passes timing every tick with process.hrtime.bigint() (timer overhead included).`,
      `Book: ${orders.length} resting LIMIT orders (${ORDER_PLAN.far} far from the market, ${orders.length - ORDER_PLAN.far} near it); one pass makes ${outcome.fills} partial/full fills applied to the portfolio, ${outcome.barsClosed} closed bars; ${outcome.restingLeft} orders still resting.`,
      "Excluded, as they are batched or asynchronous in the engine: database writes (ticks, bars, orders, fills, audit), Socket.IO/WebSocket publishing, and the strategy, which runs per closed bar rather than per tick.",
      `Simulated span ${(simulatedSeconds / 3600).toFixed(2)} h, seed ${SEED}; single-threaded, one core.`,
    ],
    figures: {
      config: { ticks: TICKS, warmupTicks: WARMUP_TICKS, warmupRounds: WARMUP_ROUNDS, repetitions: REPETITIONS, seed: SEED, meanTicksPerSecond: MEAN_TICKS_PER_SECOND, simulatedSeconds, restingOrders: orders.length, orderPlan: ORDER_PLAN },
      targetTicksPerSecond: TARGET_TICKS_PER_SECOND,
      targetMet: met,
      baseline,
      pipeline: { ...pipeline, ...outcome },
      ratio: { throughput: throughputRatio, p50: pipeline.latency.p50Us / baseline.latency.p50Us, p99: pipeline.latency.p99Us / baseline.latency.p99Us },
      timerOverhead: timer,
    },
  };
}

interface PipelineOutcome {
  fills: number;
  barsClosed: number;
  lateTicks: number;
  restingLeft: number;
  cash: string;
  fees: string;
  equity: string;
  realizedPnl: string;
}

/** What one full pass does to the book and the account: shows fills and accounting really happened. */
function pipelineOutcome(pipeline: IngestPipeline, messages: readonly string[]): PipelineOutcome {
  for (const message of messages) pipeline.handle(message);
  const stats = pipeline.aggregator.stats();
  return {
    fills: pipeline.fills,
    barsClosed: pipeline.barsClosed,
    lateTicks: stats.lateTicks,
    restingLeft: pipeline.broker.openOrders().length,
    cash: pipeline.portfolio.cash().toFixed(),
    fees: pipeline.portfolio.fees().toFixed(),
    equity: pipeline.portfolio.equity().toFixed(),
    realizedPnl: pipeline.portfolio.realizedPnl().toFixed(),
  };
}
