import { and, eq, inArray } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database } from "@/lib/db/client";
import { modelVersions } from "@/lib/db/schema";
import type { Bar, BarInterval } from "@/lib/domain/market-data";
import { readStoredEnsemble } from "@/lib/ml/inference/load-ensemble";
import { countSignal, observeInference } from "@/lib/metrics";
import { InferenceThread } from "./inference-thread";
import type { LiveCall, LiveRole, LiveVersion } from "./live-call";
import { RecentBars } from "./recent-bars";

export interface LiveEnsemblesDeps {
  db: Database;
  log: Logger;
  /** Symbols this engine trades: versions of other symbols are not loaded. */
  symbols: ReadonlySet<string>;
  /** Stored closed bars before now, oldest first. */
  history: (symbol: string, interval: BarInterval, count: number) => Promise<Bar[]>;
}

/** EMA-based features (RSI, MACD) only forget their seed over hundreds of bars: warm up on this many when stored. */
const WARMUP_HISTORY_BARS = 600;
const LIVE_INTERVALS = new Set(["1m", "5m", "1h"]);

/**
 * The ensemble versions in production or shadow for this engine's symbols, run on an inference thread and fed every
 * closed bar of their symbol and interval. refresh() follows the registry: new versions are loaded and warmed up on
 * history, archived ones dropped, a shadow promoted to production keeps its state.
 */
export class LiveEnsembles {
  private readonly running = new Map<string, LiveVersion>();
  private readonly failed = new Map<string, string>();
  private readonly recent = new RecentBars(WARMUP_HISTORY_BARS);
  private thread: InferenceThread | null = null;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LiveEnsemblesDeps) {}

  /** Serialised: a refresh asked for while one runs waits for it and then runs again. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.sync()).catch((error: unknown) => this.deps.log.error({ err: error }, "model registry refresh failed"));
    return this.refreshing;
  }

  /** The calls of every running version on the bar (production first); null, at once, when none runs on it. */
  onBarClosed(bar: Bar): Promise<LiveCall[]> | null {
    if (!LIVE_INTERVALS.has(bar.interval)) return null;
    this.recent.push(bar);
    const thread = this.thread;
    if (!thread?.alive || !this.runsOn(bar)) return null;
    const started = performance.now();
    return thread.onBar(bar).then((calls) => {
      observeInference((performance.now() - started) / 1000);
      for (let i = 0; i < calls.length; i++) countSignal(bar.symbol);
      return calls;
    }).catch((error: unknown) => {
      this.deps.log.error({ err: error, symbol: bar.symbol, interval: bar.interval }, "ensemble inference failed on a bar");
      return [];
    });
  }

  /** Whether a version runs on the bar's series (a loop, not a copy: it is asked on every bar close). */
  private runsOn(bar: Bar): boolean {
    for (const version of this.running.values()) if (version.symbol === bar.symbol && version.interval === bar.interval) return true;
    return false;
  }

  /** The production version of a symbol, if one runs: the ensemble then owns that symbol's trading. */
  production(symbol: string): LiveVersion | undefined {
    for (const version of this.running.values()) if (version.symbol === symbol && version.role === "production") return version;
    return undefined;
  }

  status(): { running: LiveVersion[]; failed: Array<{ id: string; error: string }> } {
    return { running: [...this.running.values()], failed: [...this.failed].map(([id, error]) => ({ id, error })) };
  }

  async close(): Promise<void> {
    await this.refreshing;
    await this.thread?.close();
  }

  private async sync(): Promise<void> {
    const rows = await this.deps.db.select({
      id: modelVersions.id, name: modelVersions.name, version: modelVersions.version, status: modelVersions.status, symbol: modelVersions.symbol, interval: modelVersions.interval,
    }).from(modelVersions).where(and(eq(modelVersions.kind, "ensemble"), inArray(modelVersions.status, ["production", "shadow"])));
    const wanted = rows.filter((r) => this.deps.symbols.has(r.symbol) && LIVE_INTERVALS.has(r.interval));
    for (const id of this.running.keys()) if (!wanted.some((r) => r.id === id)) this.stop(id);
    for (const row of wanted) {
      const version: LiveVersion = { id: row.id, name: row.name, version: row.version, role: row.status as LiveRole, symbol: row.symbol, interval: row.interval };
      const current = this.running.get(row.id);
      if (current && current.role !== version.role) {
        this.running.set(row.id, version);
        this.thread?.setRole(row.id, version.role);
      } else if (!current && !this.failed.has(row.id)) await this.start(version);
    }
  }

  private async start(version: LiveVersion): Promise<void> {
    try {
      const stored = await readStoredEnsemble(this.deps.db, version.id);
      const fromDatabase = await this.deps.history(version.symbol, version.interval as BarInterval, WARMUP_HISTORY_BARS);
      // No await between merging and sending: bars closed while reading are in `recent`, later ones follow the load.
      const history = this.recent.mergedWith(fromDatabase, version.symbol, version.interval);
      const loaded = this.threadForLoading().load(version, stored, history);
      this.running.set(version.id, version);
      const { missingWarmupBars } = await loaded;
      this.deps.log.info({ version, warmupBars: history.length, missingWarmupBars }, "ensemble version running live");
    } catch (error) {
      this.running.delete(version.id);
      this.failed.set(version.id, error instanceof Error ? error.message : String(error));
      this.deps.log.error({ err: error, version }, "ensemble version could not be loaded; it will not run");
    }
  }

  /** Started on the first version, so an engine without models never pays for the thread. */
  private threadForLoading(): InferenceThread {
    if (!this.thread?.alive) {
      this.running.clear();
      this.thread = new InferenceThread((error) => {
        this.deps.log.error({ err: error }, "inference thread stopped; its versions reload at the next refresh");
        this.running.clear();
      });
    }
    return this.thread;
  }

  private stop(id: string): void {
    this.deps.log.info({ version: this.running.get(id) }, "ensemble version stopped (no longer production or shadow)");
    this.running.delete(id);
    this.thread?.unload(id);
  }
}
