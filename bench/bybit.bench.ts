import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatMicros, formatRate, formatRatio } from "./harness/format";
import { JsonParseOnly, TradeToTicks } from "./bybit/trade-handlers";
import { publicTradeMessages } from "./bybit/trade-messages";
import { measureSides, pairedRatio, warmUp, type MeasureOptions, type SideFigures } from "./ingest/measure";

export const name = "bybit";

const MESSAGES = 100_000;
const WARMUP_MESSAGES = 20_000;
const WARMUP_ROUNDS = 3;
const REPETITIONS = 7;
const SEED = 7;
const TARGET_RATIO = 0.5;
const TARGET = `Bybit publicTrade parse + normalise to ticks >= ${TARGET_RATIO}x bare JSON.parse of the same messages (one core)`;

/** Bybit publicTrade frames parsed and normalised to ticks, beside bare JSON.parse of the same strings in the same run. */
export async function run(): Promise<BenchResult> {
  const { messages, trades } = publicTradeMessages(MESSAGES, SEED);
  const options: MeasureOptions = { messages, warmupMessages: messages.slice(0, WARMUP_MESSAGES), warmupRounds: WARMUP_ROUNDS, repetitions: REPETITIONS };
  const sides = [() => new JsonParseOnly(), () => new TradeToTicks()];
  warmUp(sides, options);
  const [baseline, ours] = measureSides(sides, options);
  const ratio = pairedRatio(ours, baseline);
  const check = new TradeToTicks();
  for (const message of messages) check.handle(message);
  if (check.ticks !== trades || check.drops.total !== 0) throw new Error(`normalised ${check.ticks} of ${trades} trades (${check.drops.total} dropped)`);
  const met = ratio >= TARGET_RATIO;
  const bytes = messages.reduce((sum, m) => sum + m.length, 0);
  return {
    name,
    title: `Bybit v5 publicTrade: ${formatRate(MESSAGES)} messages (${formatRate(trades)} trades) parsed and normalised to ticks vs JSON.parse`,
    environment: currentEnvironment(),
    table: table(baseline, ours, ratio, trades / MESSAGES),
    target: { description: TARGET, met },
    notes: [
      `Messages in the recorded linear format (topic, type, ts, data[{T,s,S,v,p,L,i,BT,seq}]), 1-3 trades each over BTCUSDT/ETHUSDT/SOLUSDT, ${(bytes / MESSAGES).toFixed(0)} bytes on average; seed ${SEED}.`,
      "Ours = what BybitSocket + BybitFeed do per frame: JSON.parse, envelope check, per-trade field checks (plain positive decimals, side), number conversion and per-symbol seq into a Tick. Excluded: the WebSocket itself and the tick consumer.",
      `${REPETITIONS} repetitions after ${WARMUP_ROUNDS} warm-up rounds of ${formatRate(WARMUP_MESSAGES)} messages; medians shown; ratio is the median of per-repetition ratios (both sides run back to back). Latency passes time every call with process.hrtime.bigint() (timer overhead included).`,
      `Target ${met ? "met" : "NOT met"}: ratio ${formatRatio(ratio)} (target >= ${TARGET_RATIO}x).`,
    ],
    figures: {
      config: { messages: MESSAGES, trades, bytes, warmupMessages: WARMUP_MESSAGES, warmupRounds: WARMUP_ROUNDS, repetitions: REPETITIONS, seed: SEED },
      targetRatio: TARGET_RATIO,
      targetMet: met,
      ratio,
      ticksPerSecond: ours.ticksPerSecond * (trades / MESSAGES),
      jsonParse: baseline,
      parseAndNormalise: ours,
    },
  };
}

function table(baseline: SideFigures, ours: SideFigures, ratio: number, tradesPerMessage: number) {
  const row = (label: string, s: SideFigures, ticks: string, r: string) => [label, formatRate(s.ticksPerSecond), ticks, formatMicros(s.latency.p50Us), formatMicros(s.latency.p99Us), r];
  return {
    columns: ["side", "messages/s", "ticks/s", "p50 µs", "p99 µs", "ratio"],
    rows: [
      row("JSON.parse only (baseline)", baseline, "-", "1.00x"),
      row("parse + normalise to ticks", ours, formatRate(ours.ticksPerSecond * tradesPerMessage), `${formatRatio(ratio)} (target >= ${TARGET_RATIO}x)`),
    ],
  };
}
