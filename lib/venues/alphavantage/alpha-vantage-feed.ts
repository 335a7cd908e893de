import { createHash } from "node:crypto";
import { INTERVAL_MS, type Bar, type FeedState } from "@/lib/domain/market-data";
import { logger } from "@/lib/logger";
import { sleep as realSleep, type RateGate, type RateGateFactory, type Sleep } from "@/lib/runtime/rate-gate";
import { ResponseCache } from "./cache";
import { AlphaVantageClient } from "./client";
import { AlphaVantageQuotaError, AlphaVantageRequestError } from "./errors";
import { parseBars } from "./parse-bars";
import { pollPeriodMs } from "./poll-period";
import { BAR_INTERVAL_OF, seriesRequest, type AlphaVantageInterval, type SeriesRequest } from "./series-request";

const log = logger("alphavantage");

export interface AlphaVantageFeedOptions {
  apiKey: string;
  url: string;
  /** Stocks ("IBM") and FX pairs ("EUR/USD"). */
  symbols: readonly string[];
  interval: AlphaVantageInterval;
  callsPerMinute: number;
  callsPerDay: number;
  /** Builds the two quota gates; pass one that shares them through Redis in split mode. */
  gate: RateGateFactory;
  /** Each new closed bar, oldest first per symbol; never the same bar twice. */
  onBar: (bar: Bar) => void;
  now?: () => number;
  fetch?: typeof fetch;
  sleep?: Sleep;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  /** Wait after a bar closes before asking for it, so Alpha Vantage has published it. Default 10 s. */
  settleMs?: number;
  /** Open time of the newest bar already stored per bar symbol ("EURUSD"), so a restart does not emit them again. */
  resumeAfter?: Record<string, number>;
}

export interface AlphaVantageFeedStatus {
  name: "alphavantage";
  kind: "alphavantage";
  state: FeedState;
  symbols: string[];
  /** Open time of the newest bar emitted. */
  lastTickAt: number | null;
  /** Bars emitted. */
  ticks: number;
  /** What is wrong right now, in plain words; null when every symbol is polled fine. */
  lastError: string | null;
  /** Set while a call waits for the shared call quota. */
  waitingForQuotaUntil: number | null;
}

interface QuotaGates {
  day: RateGate;
  minute: RateGate;
}

/** Polls Alpha Vantage's intraday series and emits each newly closed bar once, within both call quotas. */
export class AlphaVantageFeed {
  readonly name = "alphavantage";
  private readonly requests: SeriesRequest[];
  private readonly client: AlphaVantageClient;
  private readonly cache: ResponseCache<Bar[]>;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private gates: QuotaGates | null = null;
  private readonly lastEmitted = new Map<string, number>();
  /** Current problems by symbol, plus "quota"; lastError joins them. */
  private readonly problems = new Map<string, string>();
  private readonly dropped = new Set<string>();
  private backoffUntil = 0;
  private waitingUntil: number | null = null;
  private state: FeedState = "stopped";
  private lastBarAt: number | null = null;
  private barCount = 0;
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly options: AlphaVantageFeedOptions) {
    if (options.symbols.length === 0) throw new Error("AlphaVantageFeed needs at least one symbol");
    this.requests = options.symbols.map((symbol) => seriesRequest(symbol, options.interval));
    this.intervalMs = INTERVAL_MS[BAR_INTERVAL_OF[options.interval]];
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.cache = new ResponseCache(this.intervalMs);
    for (const [symbol, openTime] of Object.entries(options.resumeAfter ?? {})) this.lastEmitted.set(symbol, openTime);
    this.client = new AlphaVantageClient({ apiKey: options.apiKey, url: options.url, timeoutMs: options.timeoutMs, fetch: options.fetch, now: this.now });
  }

  async start(): Promise<void> {
    if (this.loop) throw new Error("Feed alphavantage is already running");
    this.abort = new AbortController();
    this.state = "live";
    this.loop = this.run(this.abort.signal);
  }

  async stop(): Promise<void> {
    this.abort?.abort(new Error("Feed alphavantage stopped"));
    await this.loop;
    this.loop = null;
    await this.closeGates();
    if (this.state !== "error") this.state = "stopped";
  }

  status(): AlphaVantageFeedStatus {
    return {
      name: this.name,
      kind: "alphavantage",
      state: this.state,
      symbols: this.requests.map((request) => request.barSymbol),
      lastTickAt: this.lastBarAt,
      ticks: this.barCount,
      lastError: this.problems.size > 0 ? [...this.problems.values()].join("; ") : null,
      waitingForQuotaUntil: this.waitingUntil,
    };
  }

  /** One round over every symbol still polled; start() repeats it. */
  async pollOnce(signal?: AbortSignal): Promise<void> {
    for (const request of this.requests) {
      if (this.failed()) return;
      if (!this.dropped.has(request.symbol)) await this.pollSymbol(request, signal);
    }
  }

  /** When the next round is due: the next poll boundary after settling, or the end of a quota back-off. */
  nextPollAt(): number {
    const periodMs = pollPeriodMs(this.intervalMs, this.requests.length, this.options.callsPerDay);
    const boundary = (Math.floor(this.now() / periodMs) + 1) * periodMs;
    return Math.max(boundary + (this.options.settleMs ?? 10_000), this.backoffUntil);
  }

  private failed(): boolean {
    return this.state === "error";
  }

  private async run(signal: AbortSignal): Promise<void> {
    try {
      for (;;) {
        await this.pollOnce(signal);
        if (this.failed()) return;
        await this.sleep(this.nextPollAt() - this.now(), signal);
      }
    } catch (error) {
      if (!signal.aborted) this.fail(error, "the poll loop failed");
    }
  }

  private async pollSymbol(request: SeriesRequest, signal?: AbortSignal): Promise<void> {
    try {
      const bars = await this.read(request, signal);
      if (!bars) return;
      this.problems.delete(request.symbol);
      this.emitNew(request, bars);
    } catch (error) {
      if (signal?.aborted) throw error;
      this.noteFailure(request, error);
    }
  }

  /** The symbol's bars from the cache, or from Alpha Vantage once the quota allows; null while backing off. */
  private async read(request: SeriesRequest, signal?: AbortSignal): Promise<Bar[] | null> {
    const cached = this.cache.get(request.key, this.now());
    if (cached) return cached;
    if (this.now() < this.backoffUntil) return null;
    await this.takeQuota(signal);
    const bars = parseBars(await this.client.series(request, signal), request);
    this.problems.delete("quota");
    this.cache.set(request.key, bars, this.now());
    return bars;
  }

  private async takeQuota(signal?: AbortSignal): Promise<void> {
    const gates = this.quotaGates();
    const onWait = (waitMs: number) => {
      this.waitingUntil = this.now() + waitMs;
    };
    try {
      // The scarce daily point first: a per-minute point taken while waiting hours for it would be wasted.
      await gates.day.take({ signal, onWait });
      await gates.minute.take({ signal, onWait });
    } finally {
      this.waitingUntil = null;
    }
  }

  private emitNew(request: SeriesRequest, bars: readonly Bar[]): void {
    const now = this.now();
    const last = this.lastEmitted.get(request.barSymbol) ?? Number.NEGATIVE_INFINITY;
    // The newest bar may still be forming: only bars whose interval has ended are final.
    for (const bar of bars.filter((b) => b.openTime > last && b.openTime + this.intervalMs <= now)) {
      try {
        this.options.onBar(bar);
      } catch (error) {
        this.fail(error, "the bar handler failed");
        return;
      }
      this.lastEmitted.set(request.barSymbol, bar.openTime);
      this.barCount++;
      this.lastBarAt = Math.max(this.lastBarAt ?? bar.openTime, bar.openTime);
    }
  }

  private noteFailure(request: SeriesRequest, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof AlphaVantageQuotaError) {
      this.backoffUntil = Math.max(this.backoffUntil, error.retryAt);
      this.problems.set("quota", message);
      log.warn({ retryAt: new Date(error.retryAt).toISOString() }, message);
    } else if (error instanceof AlphaVantageRequestError) {
      // Asking again would only spend quota on the same refusal.
      this.dropped.add(request.symbol);
      this.problems.set(request.symbol, `${message}; ${request.symbol} is no longer polled`);
      log.error({ symbol: request.symbol }, message);
    } else {
      this.problems.set(request.symbol, `${message}; retrying at the next poll`);
      log.warn({ symbol: request.symbol }, message);
    }
  }

  /** An error thrown inside the poll loop would be lost; surface it through status instead. */
  private fail(error: unknown, what: string): void {
    this.state = "error";
    this.problems.set("feed", `${what}: ${error instanceof Error ? error.message : String(error)}`);
    log.error({ err: error }, `alphavantage feed stopped: ${what}`);
    this.abort?.abort(error);
  }

  private quotaGates(): QuotaGates {
    // Named after the key: the quota belongs to the API key, and every process using that key shares it.
    const tag = createHash("sha256").update(this.options.apiKey).digest("hex").slice(0, 12);
    this.gates ??= {
      day: this.options.gate({ name: `alphavantage-${tag}-day`, points: this.options.callsPerDay, durationSeconds: 86_400 }),
      minute: this.options.gate({ name: `alphavantage-${tag}-minute`, points: this.options.callsPerMinute, durationSeconds: 60 }),
    };
    return this.gates;
  }

  private async closeGates(): Promise<void> {
    const gates = this.gates;
    this.gates = null;
    if (gates) await Promise.all([gates.day.close(), gates.minute.close()]);
  }
}
