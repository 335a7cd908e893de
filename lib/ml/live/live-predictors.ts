import type { Bar } from "@/lib/domain/market-data";
import type { EnsemblePredictor } from "@/lib/ml/inference/ensemble-predictor";
import { buildEnsemblePredictor, type StoredEnsemble } from "@/lib/ml/inference/load-ensemble";
import type { LiveCall, LiveRole, LiveVersion } from "./live-call";

interface Running {
  version: LiveVersion;
  predictor: EnsemblePredictor;
  lastOpenTime: number;
}

/**
 * The running ensemble versions and their state, fed closed bars: what the inference thread holds. Each version
 * sees only its own symbol and interval, each bar once and in order.
 */
export class LivePredictors {
  private readonly running = new Map<string, Running>();

  /** Builds the version's predictor and warms it on history (oldest first); returns the bars it still lacks. */
  load(version: LiveVersion, stored: StoredEnsemble, history: readonly Bar[]): { missingWarmupBars: number } {
    const predictor = buildEnsemblePredictor(stored);
    for (const bar of history) predictor.update(bar);
    this.running.set(version.id, { version, predictor, lastOpenTime: history.at(-1)?.openTime ?? Number.NEGATIVE_INFINITY });
    return { missingWarmupBars: Math.max(0, predictor.warmupBars - history.length) };
  }

  unload(id: string): void {
    this.running.delete(id);
  }

  setRole(id: string, role: LiveRole): void {
    const run = this.running.get(id);
    if (run) run.version = { ...run.version, role };
  }

  /** Every matching version's call on the bar, production first; none while a version is still warming up. */
  onBar(bar: Bar): LiveCall[] {
    const calls: LiveCall[] = [];
    for (const run of this.running.values()) {
      if (run.version.symbol !== bar.symbol || run.version.interval !== bar.interval || bar.openTime <= run.lastOpenTime) continue;
      run.lastOpenTime = bar.openTime;
      const signal = run.predictor.update(bar);
      if (signal) calls.push({ version: run.version, bar, signal, horizon: run.predictor.horizon, deadZone: run.predictor.deadZone });
    }
    return calls.sort((a, b) => Number(b.version.role === "production") - Number(a.version.role === "production"));
  }
}
