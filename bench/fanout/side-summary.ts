import { percentileOfSorted } from "../harness/stats";
import type { BlockSample } from "./measure";

export interface FanoutSummary {
  deliveries: number;
  /** Deliveries that never arrived (a client missing a tick). */
  lost: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU of the bench process (emitter and Socket.IO server) per emit, and of the client fleet per delivery. */
  serverCpuMsPerEmit: number;
  fleetCpuUsPerDelivery: number;
  connectSeconds: number;
  /** Ticks the reference socket.io-client (client 0) got, and its own latency; the minimal clients' counts. */
  protocolCheck: { referenceTicks: number; minimalTicksMin: number; minimalTicksMax: number; referenceP50Ms: number; referenceMaxMs: number };
}

/** Gathers one side's blocks; the percentiles are over every delivery of every block. */
export class SideSamples {
  private readonly blocks: BlockSample[] = [];
  private emits = 0;

  constructor(
    readonly connectSeconds: number,
    private readonly clients: number,
  ) {}

  add(block: BlockSample, emits: number): void {
    this.blocks.push(block);
    this.emits += emits;
  }

  summarize(): FanoutSummary {
    const all = this.blocks.flatMap((block) => [...block.latenciesMs]);
    const arrived = Float64Array.from(all.filter((ms) => !Number.isNaN(ms))).sort();
    if (arrived.length === 0) throw new Error("no delivery arrived");
    const cpu = (pick: (b: BlockSample) => number) => this.blocks.reduce((sum, b) => sum + pick(b), 0);
    return {
      deliveries: arrived.length,
      lost: all.length - arrived.length,
      p50Ms: percentileOfSorted(arrived, 50),
      p95Ms: percentileOfSorted(arrived, 95),
      p99Ms: percentileOfSorted(arrived, 99),
      maxMs: arrived[arrived.length - 1],
      serverCpuMsPerEmit: cpu((b) => b.serverCpuMs) / this.emits,
      fleetCpuUsPerDelivery: (cpu((b) => b.fleetCpuMs) * 1000) / all.length,
      connectSeconds: this.connectSeconds,
      protocolCheck: this.protocolCheck(),
    };
  }

  private protocolCheck(): FanoutSummary["protocolCheck"] {
    const total = (pick: (b: BlockSample) => number) => this.blocks.reduce((sum, b) => sum + pick(b), 0);
    const reference = Float64Array.from(this.blocks.flatMap((b) => [...b.latenciesMs.subarray(0, b.latenciesMs.length / this.clients)].filter((ms) => !Number.isNaN(ms)))).sort();
    return {
      referenceTicks: total((b) => b.check.referenceTicks),
      minimalTicksMin: total((b) => b.check.minimalTicksMin),
      minimalTicksMax: total((b) => b.check.minimalTicksMax),
      referenceP50Ms: percentileOfSorted(reference, 50),
      referenceMaxMs: reference[reference.length - 1],
    };
  }
}
