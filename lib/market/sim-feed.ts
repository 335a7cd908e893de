import type { FeedState, FeedStatus, Tick } from "@/lib/domain/market-data";
import type { MarketFeed } from "@/lib/market/feed";
import { createSimGenerator, type SimGenerator } from "@/lib/market/sim-generator";
import { simInstrumentsFor, type SimInstrument } from "@/lib/market/sim-instruments";
import type { SimRegime } from "@/lib/market/sim-regimes";

export interface SimFeedConfig {
  seed: number;
  /** Default: the default instruments at their default start prices. */
  instruments?: readonly SimInstrument[];
  /** Mean trades per second across all symbols. */
  ticksPerSecond: number;
  name?: string;
  /** Timer period; default 100 ms. */
  intervalMs?: number;
  /** If the process stalls (sleep, debugger) longer than this, skip ahead instead of bursting. Default 5000 ms. */
  maxCatchUpMs?: number;
  meanRegimeSeconds?: Partial<Record<SimRegime, number>>;
}

/** Drives the deterministic generator in real time: each timer tick emits every trade that is due. */
export class SimFeed implements MarketFeed {
  readonly name: string;
  readonly kind = "sim" as const;
  private readonly instruments: readonly SimInstrument[];
  private generator: SimGenerator | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private state: FeedState = "stopped";
  private lastTickAt: number | null = null;
  private tickCount = 0;
  private failure: unknown = null;

  constructor(private readonly config: SimFeedConfig) {
    this.instruments = config.instruments ?? simInstrumentsFor();
    this.name = config.name ?? "simulator";
  }

  async start(onTick: (tick: Tick) => void): Promise<void> {
    if (this.timer) throw new Error(`Feed ${this.name} is already running`);
    this.state = "starting";
    this.failure = null;
    this.generator = createSimGenerator({
      seed: this.config.seed,
      instruments: this.instruments,
      startTime: Date.now(),
      meanTicksPerSecond: this.config.ticksPerSecond,
      meanRegimeSeconds: this.config.meanRegimeSeconds,
    });
    this.timer = setInterval(() => this.emitDue(onTick), this.config.intervalMs ?? 100);
    this.state = "live";
  }

  async stop(): Promise<void> {
    this.clearTimer();
    if (this.state !== "error") this.state = "stopped";
  }

  status(): FeedStatus {
    return {
      name: this.name,
      kind: this.kind,
      state: this.state,
      symbols: this.instruments.map((instrument) => instrument.symbol),
      lastTickAt: this.lastTickAt,
      ticks: this.tickCount,
    };
  }

  /** The error a tick handler threw, which moved the feed to state "error". */
  lastError(): unknown {
    return this.failure;
  }

  private emitDue(onTick: (tick: Tick) => void): void {
    const generator = this.generator;
    if (!generator) return;
    const now = Date.now();
    const maxCatchUpMs = this.config.maxCatchUpMs ?? 5_000;
    if (generator.peekTime() < now - maxCatchUpMs) generator.skipTo(now - maxCatchUpMs);
    try {
      while (generator.peekTime() <= now) {
        const tick = generator.next();
        onTick(tick);
        this.tickCount++;
        this.lastTickAt = tick.ts;
      }
    } catch (error) {
      // A throwing handler inside a timer would crash the process; surface it through status instead.
      this.failure = error;
      this.state = "error";
      this.clearTimer();
    }
  }

  private clearTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
