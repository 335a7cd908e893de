import { Mt5Bridge } from "@/lib/venues/mt5/mt5-bridge";
import { startEaEmulator } from "@/tests/support/mt5-ea-emulator";
import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatMicros, formatRate, formatRatio } from "./harness/format";
import { median, type LatencySummary } from "./harness/stats";
import { BareClient, TrivialEcho } from "./mt5/bare-echo";
import { ArrivalCounter, awaitSubscription, BareSubscriber, drainRate, FramePublisher, priceFrames } from "./mt5/price-stream";
import { repeat, timeRoundTripsAlternating } from "./mt5/round-trips";

export const name = "mt5";

const HOST = "127.0.0.1";
const ROUND_TRIPS = 4_000;
const ROUND_TRIP_BLOCK = 250;
const WARMUP_ROUND_TRIPS = 500;
const FRAMES = 60_000;
const BATCH = 500; // below zeromq's default high-water mark of 1,000 frames
const WARMUP_FRAMES = 10_000;
const REPETITIONS = 5;
const SYMBOLS = ["EURUSD", "GBPUSD", "USDJPY"];
const SEED = 8;
const P99_FACTOR = 2;
const P99_SLACK_US = 1_000;
const STREAM_RATIO = 0.5;
const TARGET = `HEARTBEAT round trip p99 <= ${P99_FACTOR}x the bare PUSH/PULL p99 + ${P99_SLACK_US / 1000} ms, and the price stream >= ${STREAM_RATIO}x bare SUB receive`;

interface StreamFigures {
  messagesPerSecond: number;
  runs: number[];
}

/** The bridge's command round trip and price stream, each beside bare zeromq sockets doing the least possible. */
export async function run(): Promise<BenchResult> {
  const [bare, bridge] = await measureRoundTrips();
  const stream = await measureStreams();
  const p99Limit = P99_FACTOR * bare.p99Us + P99_SLACK_US;
  const streamRatio = median(stream.bridge.runs.map((rate, i) => rate / stream.bare.runs[i]));
  const met = bridge.p99Us <= p99Limit && streamRatio >= STREAM_RATIO;
  return {
    name,
    title: `MT5 ZeroMQ bridge: HEARTBEAT round trip vs bare PUSH/PULL, price stream vs bare SUB (${formatRate(FRAMES)} frames)`,
    environment: currentEnvironment(),
    table: table(bare, bridge, stream, streamRatio),
    target: { description: TARGET, met },
    notes: [
      `Round trips: ${formatRate(ROUND_TRIPS)} per side after ${WARMUP_ROUND_TRIPS} warm-up ones, alternating blocks of ${ROUND_TRIP_BLOCK}. Bare = PUSH "HEARTBEAT;" to a trivial echo that PUSHes back a fixed reply and an empty frame, PULL until the reply. Bridge = Mt5Bridge.heartbeat() against the EA emulator (tests/support/mt5-ea-emulator): queue, send, dict-literal parse, _action match, and the emulator's own command handling. All sockets on 127.0.0.1 in one process.`,
      `Stream: ${formatRate(FRAMES)} price frames over ${SYMBOLS.length} symbols, ${REPETITIONS} repetitions per side back to back, median shown; published in batches of ${BATCH} (zeromq drops frames beyond the high-water mark) and only the time from a batch's last send until the consumer has it all is counted. Bare = SUB receive and count; bridge = Mt5Bridge's SUB loop: UTF-8 decode, parseMarketMessage, silence watch, and an onPrice listener that keeps the latest quote per symbol.`,
      `Round trip p99 ${formatMicros(bridge.p99Us)} µs vs limit ${formatMicros(p99Limit)} µs; stream ratio ${formatRatio(streamRatio)} (target >= ${STREAM_RATIO}x). Target ${met ? "met" : "NOT met"}.`,
    ],
    figures: {
      config: { roundTrips: ROUND_TRIPS, roundTripBlock: ROUND_TRIP_BLOCK, warmupRoundTrips: WARMUP_ROUND_TRIPS, frames: FRAMES, batch: BATCH, warmupFrames: WARMUP_FRAMES, repetitions: REPETITIONS, symbols: SYMBOLS, seed: SEED },
      targetMet: met,
      roundTrip: { bare, bridge, p99LimitUs: p99Limit },
      stream: { bare: stream.bare, bridge: stream.bridge, ratio: streamRatio, targetRatio: STREAM_RATIO },
    },
  };
}

async function measureRoundTrips(): Promise<LatencySummary[]> {
  const echo = new TrivialEcho();
  const client = new BareClient(HOST, await echo.bind(HOST));
  const ea = await startEaEmulator();
  const bridge = new Mt5Bridge({ host: HOST, pushPort: ea.pushPort, pullPort: ea.pullPort, subPort: ea.subPort, heartbeatMs: 0 });
  bridge.start();
  try {
    const sides = [() => client.roundTrip(), () => bridge.heartbeat()];
    for (const side of sides) await repeat(side, WARMUP_ROUND_TRIPS);
    return await timeRoundTripsAlternating(sides, ROUND_TRIPS, ROUND_TRIP_BLOCK);
  } finally {
    await bridge.stop();
    await ea.close();
    client.close();
    await echo.close();
  }
}

async function measureStreams(): Promise<{ bare: StreamFigures; bridge: StreamFigures }> {
  const frames = priceFrames(SYMBOLS, FRAMES, SEED);
  const warmup = frames.slice(0, WARMUP_FRAMES);
  const barePublisher = new FramePublisher();
  const bridgePublisher = new FramePublisher();
  const bareSub = new BareSubscriber(HOST, await barePublisher.bind(HOST), SYMBOLS);
  const ea = await startEaEmulator();
  const bridge = new Mt5Bridge({ host: HOST, pushPort: ea.pushPort, pullPort: ea.pullPort, subPort: await bridgePublisher.bind(HOST), heartbeatMs: 0 });
  const applied = new ArrivalCounter();
  const latest = new Map<string, { bid: string; ask: string }>();
  bridge.onPrice((price) => {
    latest.set(price.symbol, { bid: price.bid, ask: price.ask });
    applied.arrived();
  });
  bareSub.start();
  bridge.start();
  try {
    await bridge.trackPrices(SYMBOLS);
    await awaitSubscription(barePublisher, bareSub.counter, frames[0]);
    await awaitSubscription(bridgePublisher, applied, frames[0]);
    const sides = [() => drainRate(barePublisher, bareSub.counter, frames, BATCH), () => drainRate(bridgePublisher, applied, frames, BATCH)];
    await drainRate(barePublisher, bareSub.counter, warmup, BATCH);
    await drainRate(bridgePublisher, applied, warmup, BATCH);
    const runs: number[][] = [[], []];
    for (let rep = 0; rep < REPETITIONS; rep++) for (let side = 0; side < sides.length; side++) runs[side].push(await sides[side]());
    if (latest.size !== SYMBOLS.length) throw new Error(`the bridge applied prices of ${latest.size} of ${SYMBOLS.length} symbols`);
    const figures = (r: number[]) => ({ messagesPerSecond: median(r), runs: r });
    return { bare: figures(runs[0]), bridge: figures(runs[1]) };
  } finally {
    await bridge.stop();
    await ea.close();
    await bareSub.close();
    barePublisher.close();
    bridgePublisher.close();
  }
}

function table(bare: LatencySummary, bridge: LatencySummary, stream: { bare: StreamFigures; bridge: StreamFigures }, streamRatio: number) {
  const trip = (label: string, s: LatencySummary, ratio: string) => [label, formatMicros(s.p50Us), formatMicros(s.p99Us), formatMicros(s.maxUs), "-", ratio];
  const flow = (label: string, s: StreamFigures, ratio: string) => [label, "-", "-", "-", formatRate(s.messagesPerSecond), ratio];
  return {
    columns: ["side", "p50 µs", "p99 µs", "max µs", "messages/s", "vs bare"],
    rows: [
      trip("round trip: bare PUSH/PULL echo", bare, "1.00x"),
      trip("round trip: bridge HEARTBEAT vs emulator", bridge, `${formatRatio(bridge.p99Us / bare.p99Us)} p99`),
      flow("stream: bare SUB receive", stream.bare, "1.00x"),
      flow("stream: bridge parse + onPrice", stream.bridge, `${formatRatio(streamRatio)} (target >= ${STREAM_RATIO}x)`),
    ],
  };
}
