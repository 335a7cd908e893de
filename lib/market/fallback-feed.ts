import type { FeedKind, FeedStatus, Tick } from "@/lib/domain/market-data";
import { logger } from "@/lib/logger";
import type { MarketFeed } from "@/lib/market/feed";

const log = logger("fallback-feed");

export interface FallbackFeedConfig {
  primary: MarketFeed;
  /** Builds the stand-in, starting from the last primary price per symbol where there is one; null = nothing to run. */
  fallback: (lastPrimaryPrices: Readonly<Record<string, number>>) => MarketFeed | null;
  /** How long the primary may be down (or not yet up) before the fallback runs. */
  timeoutMs: number;
  /** Badge text while the fallback runs, e.g. "SIMULATED (Bybit unreachable)". */
  label: string;
  /** How often the primary's state is looked at; default a quarter of timeoutMs, at most 250 ms. */
  checkIntervalMs?: number;
  name?: string;
}

type Source = "primary" | "fallback";

/**
 * Runs the primary feed and, while it is not live for longer than timeoutMs, a stand-in for the same symbols. Ticks
 * are renumbered so each symbol's seq stays contiguous across switches, and status() names the source plainly.
 */
export class FallbackFeed implements MarketFeed {
  readonly name: string;
  private source: Source = "primary";
  private fallback: MarketFeed | null = null;
  private generation = 0;
  private onTick: ((tick: Tick) => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private primaryLiveAt = 0;
  private readonly seqs = new Map<string, number>();
  private readonly lastPrimaryPrices: Record<string, number> = {};
  private tickCount = 0;
  private lastTickAt: number | null = null;

  constructor(private readonly config: FallbackFeedConfig) {
    this.name = config.name ?? config.primary.name;
  }

  /** The kind of whichever source is feeding right now. */
  get kind(): FeedKind {
    return this.source === "fallback" && this.fallback ? this.fallback.kind : this.config.primary.kind;
  }

  async start(onTick: (tick: Tick) => void): Promise<void> {
    if (this.timer) throw new Error(`Feed ${this.name} is already running`);
    this.onTick = onTick;
    this.primaryLiveAt = Date.now();
    const checkEvery = this.config.checkIntervalMs ?? Math.min(250, Math.max(10, this.config.timeoutMs / 4));
    this.timer = setInterval(() => void this.check(), checkEvery);
    await this.config.primary.start((tick) => this.onPrimaryTick(tick));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.stopFallback();
    await this.config.primary.stop();
  }

  status(): FeedStatus {
    const primary = this.config.primary.status();
    const common = { name: this.name, lastTickAt: this.lastTickAt, ticks: this.tickCount };
    if (this.source === "fallback" && this.fallback) {
      const stand = this.fallback.status();
      return { ...common, kind: stand.kind, state: stand.state, symbols: primary.symbols, label: this.config.label };
    }
    return { ...common, kind: primary.kind, state: primary.state, symbols: primary.symbols };
  }

  /** Which source feeds the ticks now. */
  activeSource(): Source {
    return this.source;
  }

  private async check(): Promise<void> {
    if (this.config.primary.status().state === "live") {
      this.primaryLiveAt = Date.now();
      if (this.source === "fallback") await this.switchToPrimary();
      return;
    }
    if (this.source === "primary" && Date.now() - this.primaryLiveAt >= this.config.timeoutMs) await this.switchToFallback();
  }

  private async switchToFallback(): Promise<void> {
    this.source = "fallback";
    const generation = ++this.generation;
    const feed = this.config.fallback({ ...this.lastPrimaryPrices });
    this.fallback = feed;
    log.warn({ name: this.name, timeoutMs: this.config.timeoutMs, label: this.config.label }, "primary feed not live: running the fallback");
    if (!feed) return;
    try {
      await feed.start((tick) => {
        if (generation === this.generation && this.source === "fallback") this.forward(tick);
      });
    } catch (error) {
      log.error({ name: this.name, err: error }, "fallback feed failed to start");
    }
  }

  private async switchToPrimary(): Promise<void> {
    this.source = "primary";
    log.info({ name: this.name }, "primary feed live again: fallback stopped");
    await this.stopFallback();
  }

  private async stopFallback(): Promise<void> {
    const feed = this.fallback;
    this.fallback = null;
    this.generation++;
    await feed?.stop();
  }

  private onPrimaryTick(tick: Tick): void {
    this.primaryLiveAt = Date.now();
    this.lastPrimaryPrices[tick.symbol] = tick.price;
    // A primary print proves it is back: switch at once rather than interleave two sources until the next check.
    if (this.source === "fallback") void this.switchToPrimary();
    this.forward(tick);
  }

  private forward(tick: Tick): void {
    const seq = (this.seqs.get(tick.symbol) ?? 0) + 1;
    this.seqs.set(tick.symbol, seq);
    this.tickCount++;
    this.lastTickAt = tick.ts;
    this.onTick?.({ ...tick, seq });
  }
}
