import { loadavg } from "node:os";
import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatRatio } from "./harness/format";
import { ClientFleet } from "./fanout/fleet";
import { connectFleet, emitPaced, measureBlock, type Pacing } from "./fanout/measure";
import { redisReachable } from "./fanout/redis-reachable";
import { type FanoutSummary, SideSamples } from "./fanout/side-summary";
import { bareSide, embeddedSide, type FanoutSide, splitSide } from "./fanout/sides";

export const name = "fanout";

const CLIENTS = 1_000;
const PACING: Pacing = { symbol: "BTCUSDT", intervalMs: 50 };
const WARMUP_EMITS = 40;
const BLOCK = 25;
const BLOCKS = 8;
const TARGET_P99_MS = 20;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

interface Measured {
  side: FanoutSide;
  summary: FanoutSummary;
}

/** Socket.IO fan-out of one symbol's ticks from the engine to 1,000 dashboard connections, beside bare socket.io. */
export async function run(): Promise<BenchResult> {
  const loadBefore = loadavg()[0];
  const withSplit = await redisReachable(REDIS_URL);
  const sides = [await bareSide(), await embeddedSide(PACING.symbol), ...(withSplit ? [await splitSide(PACING.symbol, REDIS_URL)] : [])];
  const fleets = sides.map(() => new ClientFleet());
  try {
    const measured = await measureInterleaved(sides, fleets);
    return result(measured, withSplit, [loadBefore, loadavg()[0]]);
  } finally {
    for (const fleet of fleets) fleet.close();
    for (const side of sides) await side.close();
  }
}

/**
 * Every side keeps its own 1,000 connections (its own fleet process) for the whole run, and blocks of emits
 * alternate between sides, so a busy moment of a shared machine hits every side alike.
 */
async function measureInterleaved(sides: FanoutSide[], fleets: ClientFleet[]): Promise<Measured[]> {
  const samples: SideSamples[] = [];
  for (let i = 0; i < sides.length; i++) {
    samples.push(new SideSamples(await connectFleet(sides[i], fleets[i], CLIENTS)));
    await emitPaced(sides[i], PACING, 1, WARMUP_EMITS);
  }
  for (let block = 0; block < BLOCKS; block++) {
    const firstSeq = WARMUP_EMITS + 1 + block * BLOCK;
    for (let i = 0; i < sides.length; i++) samples[i].add(await measureBlock(sides[i], fleets[i], PACING, firstSeq, BLOCK), BLOCK);
  }
  return sides.map((side, i) => ({ side, summary: samples[i].summarize() }));
}

function result(measured: Measured[], withSplit: boolean, load: number[]): BenchResult {
  const [bare, ...platform] = measured;
  const met = withSplit && platform.every(({ summary }) => summary.p99Ms < TARGET_P99_MS && summary.lost === 0);
  const emits = BLOCK * BLOCKS;
  return {
    name,
    title: `Socket.IO fan-out: one tick from the engine to ${CLIENTS.toLocaleString("en-US")} dashboard connections, embedded and split vs bare socket.io`,
    environment: currentEnvironment(),
    table: {
      columns: ["side", "p50 ms", "p95 ms", "p99 ms", "max ms", "lost", "server CPU ms/emit", "fleet CPU µs/delivery", "p99 vs bare"],
      rows: measured.map(({ side, summary: s }) => [
        side.label, s.p50Ms.toFixed(2), s.p95Ms.toFixed(2), s.p99Ms.toFixed(2), s.maxMs.toFixed(2), String(s.lost),
        s.serverCpuMsPerEmit.toFixed(2), s.fleetCpuUsPerDelivery.toFixed(1), formatRatio(s.p99Ms / bare.summary.p99Ms),
      ]),
    },
    target: { description: `fan-out p99 < ${TARGET_P99_MS} ms from the engine's emit to each of ${CLIENTS} clients, embedded and split`, met },
    notes: notes(withSplit, emits, load),
    figures: {
      config: { clients: CLIENTS, symbol: PACING.symbol, intervalMs: PACING.intervalMs, warmupEmits: WARMUP_EMITS, block: BLOCK, blocks: BLOCKS, redisUrl: withSplit ? REDIS_URL : null },
      targetP99Ms: TARGET_P99_MS,
      targetMet: met,
      loadAverage1m: { before: load[0], after: load[1] },
      sides: Object.fromEntries(measured.map(({ side, summary }) => [side.label, summary])),
    },
  };
}

function notes(withSplit: boolean, emits: number, load: number[]): string[] {
  return [
    `Latency: from just before the engine-side emit call to the client's 'tick' listener, on CLOCK_MONOTONIC (process.hrtime), which the bench process and the client fleet processes share. ${emits} measured ticks per side (after ${WARMUP_EMITS} warm-up ones), one every ${PACING.intervalMs} ms, in blocks of ${BLOCK} alternating between sides; percentiles over all ${(emits * CLIENTS).toLocaleString("en-US")} deliveries per side.`,
    `Clients: ${CLIENTS} socket.io-client connections per side, held by one forked fleet process per side (a fleet parsing 1,000 copies of every message must not share the server's event loop; measured in the same process, it lengthened the tail), websocket transport like the dashboard. Embedded and split clients sign in with a next-auth session cookie through the real handshake (handshakeAuthenticator on PGlite) and subscribe to the rooms of the dashboard's trading page (ticks, bars 1m, account, system); ticks go to ticks.${PACING.symbol}.`,
    `Bare: new socket.io Server with defaults, no auth, io.emit to all. Embedded: EmbeddedSink.emit into createUiServer (what LivePublisher.tick does in workers/embedded.ts). Split: RedisSink (the Redis emitter of workers/engine.ts) -> Redis -> createUiServer + attachRedisAdapter (the realtime gateway) in this process, Socket.IO channels under a key of their own; the tick's /ws/market copy goes to an in-process bus here, as no /ws/market client is measured.`,
    ...(withSplit ? [] : [`Split NOT measured: no Redis answered at ${REDIS_URL} (set REDIS_URL); the target counts as not met.`]),
    `Server CPU per emit includes everything this process did during the blocks (the idle sides' sockets too); fleet CPU is what parsing and dispatching cost the clients, which real browsers spread over their own machines.`,
    `1-minute load average ${load[0].toFixed(2)} before, ${load[1].toFixed(2)} after, on ${currentEnvironment().cores} cores: a fan-out to 1,000 sockets is one writev per socket, so any other work on the machine lengthens every side's tail alike.`,
  ];
}
