/** Messages between the bench process and the client fleet processes it forks (bench/fanout/client-fleet.ts). */

export interface FleetConnect {
  type: "connect";
  url: string;
  path: string;
  clients: number;
  /**
   * "minimal": minimal protocol clients, except client 0 of the fleet process with `withReference`, a real
   * socket.io-client (the protocol check). "socket.io-client": every client is one (the costlier apparatus).
   */
  library: FleetLibrary;
  withReference: boolean;
  /** Sent on every handshake: the dashboard's session cookie, or nothing for the bare server. */
  headers: Record<string, string>;
  /** Joined with the dashboard's `subscribe` event; empty for the bare server, which has no rooms. */
  rooms: string[];
}

export type FleetLibrary = "minimal" | "socket.io-client";

/** Expect ticks with seq firstSeq .. firstSeq + count - 1 on every client from now on. */
export interface FleetArm {
  type: "arm";
  firstSeq: number;
  count: number;
}

export type ParentMessage = FleetConnect | FleetArm | { type: "collect" };

export type ChildMessage =
  | { type: "connected"; clients: number; seconds: number }
  | { type: "armed" }
  /** Every client holds every armed tick. */
  | { type: "complete" }
  /**
   * Receipt times (process.hrtime in ms, a clock shared by every process of the machine), client-major:
   * received[client * count + (seq - firstSeq)]; NaN for a tick that never arrived. cpuMs: the fleet's CPU time
   * (user + system) from arming to collecting. sameLastTick: whether the reference socket.io-client's last tick
   * equals a minimal client's, field for field (undefined in a fleet process without the reference).
   */
  | { type: "receipts"; received: Float64Array; stray: number; cpuMs: number; sameLastTick: boolean | undefined }
  | { type: "error"; message: string };

/** Milliseconds on the monotonic clock every process on this machine reads alike (CLOCK_MONOTONIC). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
