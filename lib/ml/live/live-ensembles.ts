import { and, eq, inArray } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database } from "@/lib/db/client";
import { modelVersions } from "@/lib/db/schema";
import type { Bar, BarInterval } from "@/lib/domain/market-data";
import type { EnsemblePredictor } from "@/lib/ml/inference/ensemble-predictor";
import { loadEnsemblePredictor } from "@/lib/ml/inference/load-ensemble";
import type { LiveCall, LiveRole, LiveVersion } from "./live-call";
import { RecentBars } from "./recent-bars";

export interface LiveEnsemblesDeps {
  db: Database;
  log: Logger;
  /** Symbols this engine trades: versions of other symbols are not loaded. */
  symbols: ReadonlySet<string>;
  /** Stored closed bars before now, oldest first. */
  history: (symbol: string, interval: BarInterval, count: number) => Promise<Bar[]>;
  load?: (db: Database, versionId: string) => Promise<EnsemblePredictor>;
}

interface Running {
  version: LiveVersion;
  predictor: EnsemblePredictor;
  lastOpenTime: number;
}

/** EMA-based features (RSI, MACD) only forget their seed over hundreds of bars: warm up on this many when stored. */
const WARMUP_HISTORY_BARS = 600;
const LIVE_INTERVALS = new Set(["1m", "5m", "1h"]);

/**
 * The ensemble versions in production or shadow for this engine's symbols, each fed every closed bar of its symbol
 * and interval. refresh() follows the registry: new versions are loaded and warmed up on history, archived ones
 * dropped, a shadow promoted to production keeps its state.
 */
export class LiveEnsembles {
  private readonly running = new Map<string, Running>();
  private readonly failed = new Map<string, string>();
  private readonly recent = new RecentBars(WARMUP_HISTORY_BARS);
  private refreshing: Promise<void> | null = null;

  constructor(private readonly deps: LiveEnsemblesDeps) {}

  /** Serialised: a refresh asked for while one runs waits for it and then runs again. */
  refresh(): Promise<void> {
    const next = (this.refreshing ?? Promise.resolve()).then(() => this.sync());
    this.refreshing = next.catch((error: unknown) => this.deps.log.error({ err: error }, "model registry refresh failed"));
    return this.refreshing;
  }

  /** Every running version's call on the bar (production first), or none. */
  onBarClosed(bar: Bar): LiveCall[] {
    if (!LIVE_INTERVALS.has(bar.interval)) return [];
    this.recent.push(bar);
    const calls: LiveCall[] = [];
    for (const run of this.running.values()) {
      if (run.version.symbol !== bar.symbol || run.version.interval !== bar.interval || bar.openTime <= run.lastOpenTime) continue;
      run.lastOpenTime = bar.openTime;
      const signal = run.predictor.update(bar);
      if (signal) calls.push({ version: run.version, bar, signal, horizon: run.predictor.horizon, deadZone: run.predictor.deadZone });
    }
    return calls.sort((a, b) => Number(b.version.role === "production") - Number(a.version.role === "production"));
  }

  /** The production version of a symbol, if one runs: the ensemble then owns that symbol's trading. */
  production(symbol: string): LiveVersion | undefined {
    for (const run of this.running.values()) if (run.version.symbol === symbol && run.version.role === "production") return run.version;
    return undefined;
  }

  status(): { running: LiveVersion[]; failed: Array<{ id: string; error: string }> } {
    return { running: [...this.running.values()].map((r) => r.version), failed: [...this.failed].map(([id, error]) => ({ id, error })) };
  }

  private async sync(): Promise<void> {
    const rows = await this.deps.db.select({
      id: modelVersions.id, name: modelVersions.name, version: modelVersions.version, status: modelVersions.status, symbol: modelVersions.symbol, interval: modelVersions.interval,
    }).from(modelVersions).where(and(eq(modelVersions.kind, "ensemble"), inArray(modelVersions.status, ["production", "shadow"])));
    const wanted = rows.filter((r) => this.deps.symbols.has(r.symbol) && LIVE_INTERVALS.has(r.interval));
    for (const id of this.running.keys()) if (!wanted.some((r) => r.id === id)) this.stopRunning(id);
    for (const row of wanted) {
      const version: LiveVersion = { id: row.id, name: row.name, version: row.version, role: row.status as LiveRole, symbol: row.symbol, interval: row.interval };
      const run = this.running.get(row.id);
      if (run) run.version = version;
      else if (!this.failed.has(row.id)) await this.start(version);
    }
  }

  private async start(version: LiveVersion): Promise<void> {
    try {
      const predictor = await (this.deps.load ?? loadEnsemblePredictor)(this.deps.db, version.id);
      const stored = await this.deps.history(version.symbol, version.interval as BarInterval, Math.max(WARMUP_HISTORY_BARS, predictor.warmupBars));
      // No await from here on: bars closed while loading are in `recent`, so the warm-up leaves no gap.
      const history = this.recent.mergedWith(stored, version.symbol, version.interval);
      for (const bar of history) predictor.update(bar);
      this.running.set(version.id, { version, predictor, lastOpenTime: history.at(-1)?.openTime ?? Number.NEGATIVE_INFINITY });
      this.deps.log.info({ version, warmupBars: history.length, needed: predictor.warmupBars }, "ensemble version running live");
    } catch (error) {
      this.failed.set(version.id, error instanceof Error ? error.message : String(error));
      this.deps.log.error({ err: error, version }, "ensemble version could not be loaded; it will not run");
    }
  }

  private stopRunning(id: string): void {
    this.deps.log.info({ version: this.running.get(id)?.version }, "ensemble version stopped (no longer production or shadow)");
    this.running.delete(id);
  }
}
