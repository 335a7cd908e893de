import { VenueRejected } from "@/lib/execution/live-venue";
import { logger } from "@/lib/logger";
import { BybitIpBanned, limitStatusFromHeaders, RatePacer } from "@/lib/venues/bybit/rate-pacer";
import { queryString, signedHeaders, type BybitCredentials } from "@/lib/venues/bybit/signing";

const log = logger("bybit-rest");

/** Bybit's own "timed out / internal error" answers: the request may or may not have been carried out. */
const UNCERTAIN_RET_CODES = new Set([10000, 10016]);
const TOO_MANY_VISITS = 10006;

export type QueryParams = Record<string, string | number | undefined>;

export interface BybitRestOptions {
  baseUrl: string;
  credentials: BybitCredentials | null;
  recvWindowMs: number;
  timeoutMs: number;
  pacer?: RatePacer;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

/** No usable answer came back (timeout, dropped connection, 5xx): the request may or may not have been carried out. */
export class BybitNoAnswer extends Error {
  constructor(readonly path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BybitNoAnswer";
  }
}

class TooManyVisits extends Error {
  constructor(readonly resetAt: number | null, readonly retMsg: string) {
    super(retMsg);
  }
}

interface BybitEnvelope {
  retCode: number;
  retMsg: string;
  result: unknown;
  time?: number;
}

interface RestRequest {
  method: "GET" | "POST";
  path: string;
  query: string;
  body: string;
  signed: boolean;
  timeoutMs: number;
}

/** Signed Bybit v5 REST calls, paced by the account's and the IP's limits; a 10006 is retried once after its reset. */
export class BybitRestClient {
  readonly pacer: RatePacer;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;
  private clockOffsetMs = 0;

  constructor(private readonly options: BybitRestOptions) {
    this.now = options.now ?? Date.now;
    this.pacer = options.pacer ?? new RatePacer({ now: this.now });
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  get hasCredentials(): boolean {
    return this.options.credentials !== null;
  }

  async get<T>(path: string, params: QueryParams, options: { signed?: boolean; timeoutMs?: number } = {}): Promise<T> {
    const request = { method: "GET" as const, path, query: queryString(params), body: "", signed: options.signed ?? true };
    return this.call<T>({ ...request, timeoutMs: options.timeoutMs ?? this.options.timeoutMs });
  }

  async post<T>(path: string, body: Record<string, unknown>, options: { timeoutMs?: number } = {}): Promise<T> {
    const request = { method: "POST" as const, path, query: "", body: JSON.stringify(body), signed: true };
    return this.call<T>({ ...request, timeoutMs: options.timeoutMs ?? this.options.timeoutMs });
  }

  /** Bybit's clock minus ours, measured once; signed timestamps use Bybit's clock so the recv window holds. */
  async syncClock(): Promise<number> {
    const sentAt = this.now();
    const serverTime = await this.serverTime();
    this.clockOffsetMs = Math.round(serverTime - (sentAt + this.now()) / 2);
    return this.clockOffsetMs;
  }

  async serverTime(): Promise<number> {
    const result = await this.call<{ timeSecond?: string; timeNano?: string }>({
      method: "GET", path: "/v5/market/time", query: "", body: "", signed: false, timeoutMs: this.options.timeoutMs,
    });
    return result.timeNano ? Math.floor(Number(result.timeNano) / 1e6) : Number(result.timeSecond) * 1000;
  }

  private async call<T>(request: RestRequest): Promise<T> {
    try {
      return (await this.once(request)) as T;
    } catch (error) {
      if (!(error instanceof TooManyVisits)) throw error;
      const until = this.pacer.tooManyVisits(request.path, error.resetAt);
      log.warn({ path: request.path, until }, "Bybit rate limit hit (10006): retrying once after the reset");
    }
    try {
      return (await this.once(request)) as T;
    } catch (error) {
      if (!(error instanceof TooManyVisits)) throw error;
      this.pacer.tooManyVisits(request.path, error.resetAt);
      throw new VenueRejected(String(TOO_MANY_VISITS), `Bybit refused ${request.path}: ${error.retMsg} (retCode ${TOO_MANY_VISITS})`);
    }
  }

  private async once(request: RestRequest): Promise<unknown> {
    await this.pacer.acquire(request.path);
    const url = `${this.options.baseUrl}${request.path}${request.query ? `?${request.query}` : ""}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs);
    try {
      const response = await this.fetchImpl(url, { method: request.method, headers: this.headers(request), body: request.method === "POST" ? request.body : undefined, signal: controller.signal });
      return await this.answer(request, response);
    } catch (error) {
      if (error instanceof VenueRejected || error instanceof BybitNoAnswer || error instanceof TooManyVisits) throw error;
      const reason = controller.signal.aborted ? `no answer within ${request.timeoutMs} ms` : `connection failed (${describe(error)})`;
      throw new BybitNoAnswer(request.path, `Bybit ${request.method} ${request.path}: ${reason}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  private headers(request: RestRequest): Record<string, string> {
    const headers: Record<string, string> = request.method === "POST" ? { "Content-Type": "application/json" } : {};
    const credentials = this.options.credentials;
    if (!request.signed) return headers;
    if (!credentials) throw new VenueRejected("NO_API_KEY", "No Bybit API key configured (BYBIT_API_KEY / BYBIT_API_SECRET)");
    const payload = request.method === "GET" ? request.query : request.body;
    return { ...headers, ...signedHeaders(credentials, this.now() + this.clockOffsetMs, this.options.recvWindowMs, payload) };
  }

  private async answer(request: RestRequest, response: Response): Promise<unknown> {
    const limits = limitStatusFromHeaders((name) => response.headers.get(name));
    if (limits) this.pacer.observe(request.path, limits);
    if (response.status === 403) {
      const until = this.pacer.ban();
      log.error({ path: request.path, until }, "Bybit answered HTTP 403: IP banned, all HTTP stopped");
      throw new BybitIpBanned(until);
    }
    if (response.status >= 500) throw new BybitNoAnswer(request.path, `Bybit ${request.method} ${request.path}: HTTP ${response.status}`);
    const envelope = parseEnvelope(await response.text());
    if (!envelope) {
      if (response.ok) throw new BybitNoAnswer(request.path, `Bybit ${request.method} ${request.path}: unreadable answer`);
      throw new VenueRejected(`HTTP_${response.status}`, `Bybit refused ${request.path}: HTTP ${response.status}`);
    }
    if (envelope.retCode === 0) return envelope.result;
    if (envelope.retCode === TOO_MANY_VISITS) throw new TooManyVisits(limits?.resetAt ?? null, envelope.retMsg);
    if (UNCERTAIN_RET_CODES.has(envelope.retCode)) {
      throw new BybitNoAnswer(request.path, `Bybit ${request.path}: ${envelope.retMsg} (retCode ${envelope.retCode})`);
    }
    throw new VenueRejected(String(envelope.retCode), `Bybit refused ${request.path}: ${envelope.retMsg} (retCode ${envelope.retCode})`);
  }
}

function parseEnvelope(text: string): BybitEnvelope | null {
  try {
    const value = JSON.parse(text) as Partial<BybitEnvelope> | null;
    return value && typeof value.retCode === "number" ? { retCode: value.retCode, retMsg: String(value.retMsg ?? ""), result: value.result, time: value.time } : null;
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
