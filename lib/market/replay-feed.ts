import path from "node:path";
import type { FeedState, FeedStatus, Tick } from "@/lib/domain/market-data";
import type { MarketFeed } from "@/lib/market/feed";
import { loadRecording } from "@/lib/market/replay/detect-format";
import type { RecordedTrade } from "@/lib/market/replay/recording";
import { loopShiftMs, recordingToTrades } from "@/lib/market/replay/replay-schedule";

export interface ReplayFeedConfig {
  file: string;
  symbol: string;
  /** 1 = real time, 60 = sixty times faster, 0 or Infinity = as fast as possible. */
  speed: number;
  loop?: boolean;
  name?: string;
}

// Prints emitted per event-loop turn before yielding, so a fast replay never starves I/O.
const CHUNK = 5_000;
// setTimeout cannot wait longer than 2^31-1 ms; long gaps are waited out in steps.
const MAX_WAIT_MS = 60_000;

/**
 * Replays a recorded file as ticks. Emitted ticks keep their recorded timestamps (not wall-clock
 * time), so bars rebuilt from them land in the recorded buckets; only the pacing follows the wall
 * clock, scaled by `speed`. Looped passes are shifted forward by the recording's span (see
 * loopShiftMs) so time keeps increasing.
 */
export class ReplayFeed implements MarketFeed {
  readonly name: string;
  readonly kind = "replay" as const;
  private trades: readonly RecordedTrade[] = [];
  private shiftMs = 0;
  private index = 0;
  private pass = 0;
  private seq = 0;
  private wallStart = 0;
  private state: FeedState = "stopped";
  private lastTickAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failure: unknown = null;
  private settle: ((state: FeedState) => void) | null = null;
  private ended: Promise<FeedState> = Promise.resolve("stopped");

  constructor(private readonly config: ReplayFeedConfig) {
    if (!(config.speed >= 0)) throw new Error(`Replay speed must be >= 0, got ${config.speed}`);
    this.name = config.name ?? `replay:${path.basename(config.file)}`;
  }

  async start(onTick: (tick: Tick) => void): Promise<void> {
    if (this.state === "starting" || this.state === "live") throw new Error(`Feed ${this.name} is already running`);
    this.reset();
    try {
      const recording = await loadRecording(this.config.file);
      this.trades = recordingToTrades(recording);
      this.shiftMs = loopShiftMs(recording, this.trades);
    } catch (error) {
      this.fail(error);
      throw error;
    }
    if (this.currentState() !== "starting") return; // stop() was called while loading
    this.state = "live";
    this.wallStart = Date.now();
    this.timer = setTimeout(() => this.pump(onTick), 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.state === "starting" || this.state === "live") this.finish("stopped");
  }

  status(): FeedStatus {
    return { name: this.name, kind: this.kind, state: this.state, symbols: [this.config.symbol], lastTickAt: this.lastTickAt, ticks: this.seq };
  }

  /** Resolves with the final state once the replay finishes, is stopped or fails. */
  done(): Promise<FeedState> {
    return this.ended;
  }

  lastError(): unknown {
    return this.failure;
  }

  // A method, not the field, so TypeScript does not narrow away changes made by stop() meanwhile.
  private currentState(): FeedState {
    return this.state;
  }

  private reset(): void {
    this.state = "starting";
    this.index = 0;
    this.pass = 0;
    this.seq = 0;
    this.lastTickAt = null;
    this.failure = null;
    this.ended = new Promise((resolve) => (this.settle = resolve));
  }

  private pump(onTick: (tick: Tick) => void): void {
    this.timer = null;
    const instant = this.config.speed === 0 || this.config.speed === Infinity;
    const first = this.trades[0]?.ts ?? 0;
    const dueUntil = instant ? Infinity : first + (Date.now() - this.wallStart) * this.config.speed;
    let emitted = 0;
    try {
      // state is re-read each turn: onTick may call stop().
      while (this.index < this.trades.length && emitted < CHUNK && this.currentState() === "live") {
        const trade = this.trades[this.index];
        const ts = trade.ts + this.pass * this.shiftMs;
        if (ts > dueUntil) break;
        onTick({ symbol: this.config.symbol, ts, price: trade.price, size: trade.size, side: trade.side, seq: this.seq + 1 });
        this.seq++;
        this.lastTickAt = ts;
        emitted++;
        if (++this.index === this.trades.length && this.config.loop) {
          this.index = 0;
          this.pass++;
        }
      }
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.state !== "live") return; // stopped from inside onTick
    if (this.index >= this.trades.length) return this.finish("finished");
    this.timer = setTimeout(() => this.pump(onTick), emitted === CHUNK ? 0 : this.waitMs(first));
  }

  private waitMs(first: number): number {
    const next = this.trades[this.index].ts + this.pass * this.shiftMs;
    const wait = (next - first) / this.config.speed - (Date.now() - this.wallStart);
    return Math.min(Math.max(0, Math.ceil(wait)), MAX_WAIT_MS);
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.finish("error");
  }

  private finish(state: FeedState): void {
    this.state = state;
    this.settle?.(state);
    this.settle = null;
  }
}
