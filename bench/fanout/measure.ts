import type { Tick } from "@/lib/domain/market-data";
import { SOCKET_PATH } from "@/lib/realtime/events";
import type { ClientFleet } from "./fleet";
import { monotonicMs } from "./fleet-protocol";
import type { FanoutSide } from "./sides";

export interface Pacing {
  symbol: string;
  intervalMs: number;
}

/** What one block of emits on one side produced. */
export interface BlockSample {
  /** Emit-to-listener latency of every delivery in ms; NaN where a tick never arrived. */
  latenciesMs: Float64Array;
  /** CPU time of this process (emitter and server) and of the client fleet during the block. */
  serverCpuMs: number;
  fleetCpuMs: number;
  stray: number;
  /** The reference socket.io-client against the minimal clients (see protocolCheck). */
  check: ProtocolCheck;
}

export interface ProtocolCheck {
  referenceTicks: number;
  minimalTicksMin: number;
  minimalTicksMax: number;
  sameLastTick: boolean | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const COMPLETE_GRACE_MS = 5_000;

function tickOf(symbol: string, seq: number): Tick {
  return { symbol, ts: Date.now(), price: 60_000 + (seq % 100) * 0.5, size: 0.001 * (1 + (seq % 7)), side: seq % 2 === 0 ? "buy" : "sell", seq };
}

/** Emits `count` ticks `intervalMs` apart, recording each emit's moment on the clock the fleet reads too. */
export async function emitPaced(side: FanoutSide, pacing: Pacing, firstSeq: number, count: number): Promise<Float64Array> {
  const emittedAt = new Float64Array(count);
  const started = monotonicMs();
  for (let i = 0; i < count; i++) {
    const tick = tickOf(pacing.symbol, firstSeq + i);
    emittedAt[i] = monotonicMs();
    side.publish(tick);
    // Paced against the start, so one late timer does not push every later emit back.
    const wait = started + (i + 1) * pacing.intervalMs - monotonicMs();
    if (wait > 0) await sleep(wait);
  }
  return emittedAt;
}

/** Opens the fleet's connections to the side as the dashboard does; resolves with the seconds it took. */
export function connectFleet(side: FanoutSide, fleet: ClientFleet, clients: number): Promise<number> {
  return fleet.connect({ url: side.url, path: SOCKET_PATH, clients, headers: side.headers, rooms: side.rooms });
}

/**
 * Client 0 is a real socket.io-client. If the minimal clients' best count differs from its count, or its last tick
 * differs from theirs, the minimal protocol client is wrong (a minimal client short of the others is a lost tick,
 * reported as such).
 */
function protocolCheck(received: Float64Array, count: number, sameLastTick: boolean | undefined): ProtocolCheck {
  const clients = received.length / count;
  const ticksOf = (client: number) => {
    let n = 0;
    for (let slot = 0; slot < count; slot++) if (!Number.isNaN(received[client * count + slot])) n++;
    return n;
  };
  const minimal = Array.from({ length: clients - 1 }, (_, i) => ticksOf(i + 1));
  const check = { referenceTicks: ticksOf(0), minimalTicksMin: Math.min(...minimal), minimalTicksMax: Math.max(...minimal), sameLastTick };
  if (check.referenceTicks !== check.minimalTicksMax || sameLastTick !== true) {
    throw new Error(`protocol check failed: socket.io-client reference vs minimal clients ${JSON.stringify(check)}`);
  }
  return check;
}

/** Emits one block of ticks and returns each delivery's latency once every client has them all (or gave up). */
export async function measureBlock(side: FanoutSide, fleet: ClientFleet, pacing: Pacing, firstSeq: number, count: number): Promise<BlockSample> {
  const { complete } = await fleet.arm(firstSeq, count, count * pacing.intervalMs + COMPLETE_GRACE_MS);
  const cpuBefore = process.cpuUsage();
  const emittedAt = await emitPaced(side, pacing, firstSeq, count);
  await complete.catch(() => undefined);
  const cpu = process.cpuUsage(cpuBefore);
  const { received, stray, cpuMs, sameLastTick } = await fleet.collect();
  const check = protocolCheck(received, count, sameLastTick);
  const latenciesMs = new Float64Array(received.length);
  for (let i = 0; i < received.length; i++) latenciesMs[i] = received[i] - emittedAt[i % count];
  return { latenciesMs, serverCpuMs: (cpu.user + cpu.system) / 1000, fleetCpuMs: cpuMs, stray, check };
}
