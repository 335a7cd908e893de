import type { Bar } from "@/lib/domain/market-data";
import type { Strategy, StrategyDecision } from "@/lib/strategy/strategy";

/** Percent-of-bars progress, throttled to one line per `intervalMs` (and always the final 100 %). */
export class ProgressReporter {
  private done = 0;
  private lastPrinted = Number.NEGATIVE_INFINITY;
  private lastPercent = -1;

  constructor(
    private readonly total: number,
    private readonly write: (line: string) => void,
    private readonly intervalMs = 250,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts one bar; looks at the clock only every 1024 bars so it costs nothing measurable. */
  tick(): void {
    this.done++;
    if ((this.done & 1023) === 0 || this.done === this.total) this.maybePrint();
  }

  finish(): void {
    if (this.lastPercent !== 100) this.print(100);
  }

  private maybePrint(): void {
    const percent = this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100);
    if (percent === this.lastPercent) return;
    const t = this.now();
    if (percent < 100 && t - this.lastPrinted < this.intervalMs) return;
    this.lastPrinted = t;
    this.print(percent);
  }

  private print(percent: number): void {
    this.lastPercent = percent;
    this.write(`backtest: ${String(percent).padStart(3)}% (${Math.min(this.done, this.total)}/${this.total} bars)\n`);
  }
}

/** Passes every closed bar through to the strategy, counting it for the progress line. */
export function withProgress(strategy: Strategy, progress: ProgressReporter): Strategy {
  return {
    id: strategy.id,
    symbol: strategy.symbol,
    onBar(bar: Bar): StrategyDecision | null {
      progress.tick();
      return strategy.onBar(bar);
    },
    reset(): void {
      strategy.reset();
    },
  };
}
