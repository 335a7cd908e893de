import { VenueRejected } from "@/lib/execution/live-venue";

/** Bybit's documented HTTP limit per IP across all endpoints. */
export const IP_BUDGET = { requests: 600, windowMs: 5_000 } as const;
/** After a 403 Bybit asks clients to stop all HTTP for at least 10 minutes. */
export const BAN_MS = 10 * 60_000;
/** Per-account endpoint limits are counted per second. */
const ENDPOINT_WINDOW_MS = 1_000;

export interface EndpointLimitStatus {
  limit: number | null;
  remaining: number;
  resetAt: number | null;
}

export interface RatePacerOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  ipBudget?: { requests: number; windowMs: number };
  banMs?: number;
  /** A request that would have to wait longer than this is refused instead of sent late. */
  maxWaitMs?: number;
  /** Told when a 403 starts a ban, with the time it ends. */
  onBan?: (until: number) => void;
}

export function clockTime(ts: number): string {
  return `${new Date(ts).toISOString().slice(11, 19)} UTC`;
}

/** Every request is refused without being sent while Bybit's IP ban lasts. */
export class BybitIpBanned extends VenueRejected {
  constructor(readonly until: number) {
    super("HTTP_403", `Bybit banned this IP address (HTTP 403): all requests are refused until ${clockTime(until)}`);
    this.name = "BybitIpBanned";
  }
}

/** The request was not sent: the endpoint's or the IP's budget would free up only after maxWaitMs. */
export class BybitRateLimited extends VenueRejected {
  constructor(endpoint: string, until: number) {
    super("RATE_LIMITED", `Bybit rate limit for ${endpoint}: not sent, the limit resets at ${clockTime(until)}`);
    this.name = "BybitRateLimited";
  }
}

/** Reads X-Bapi-Limit, X-Bapi-Limit-Status and X-Bapi-Limit-Reset-Timestamp; null when Bybit sent none. */
export function limitStatusFromHeaders(header: (name: string) => string | null): EndpointLimitStatus | null {
  const remaining = Number(header("X-Bapi-Limit-Status"));
  if (header("X-Bapi-Limit-Status") === null || !Number.isFinite(remaining)) return null;
  const limit = Number(header("X-Bapi-Limit"));
  const resetAt = Number(header("X-Bapi-Limit-Reset-Timestamp"));
  return {
    limit: Number.isFinite(limit) && header("X-Bapi-Limit") !== null ? limit : null,
    remaining,
    resetAt: Number.isFinite(resetAt) && resetAt > 0 ? resetAt : null,
  };
}

interface EndpointBudget {
  remaining: number;
  /** When the endpoint may be used again once `remaining` reaches 0. */
  holdUntil: number;
}

/**
 * Keeps requests under Bybit's limits: per endpoint by the headers of the last response, per IP by a sliding
 * window of what was sent, and refuses everything while a 403 ban lasts.
 */
export class RatePacer {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly ipBudget: { requests: number; windowMs: number };
  private readonly banMs: number;
  private readonly maxWaitMs: number;
  private readonly endpoints = new Map<string, EndpointBudget>();
  private readonly sentAt: number[] = [];
  private banEndsAt: number | null = null;
  private readonly onBan: (until: number) => void;

  constructor(options: RatePacerOptions = {}) {
    this.onBan = options.onBan ?? (() => undefined);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.ipBudget = options.ipBudget ?? IP_BUDGET;
    this.banMs = options.banMs ?? BAN_MS;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
  }

  /** Waits until a request to `endpoint` fits every budget, then counts it as sent. */
  async acquire(endpoint: string): Promise<void> {
    for (;;) {
      this.throwIfBanned();
      const readyAt = Math.max(this.endpointReadyAt(endpoint), this.ipReadyAt());
      const wait = readyAt - this.now();
      if (wait <= 0) break;
      if (wait > this.maxWaitMs) throw new BybitRateLimited(endpoint, readyAt);
      await this.sleep(wait);
    }
    this.sentAt.push(this.now());
    const budget = this.endpoints.get(endpoint);
    if (budget) budget.remaining -= 1;
  }

  observe(endpoint: string, status: EndpointLimitStatus): void {
    const now = this.now();
    const holdUntil = status.resetAt !== null && status.resetAt > now ? status.resetAt : now + ENDPOINT_WINDOW_MS;
    this.endpoints.set(endpoint, { remaining: status.remaining, holdUntil });
  }

  /** Bybit answered 10006: nothing more to this endpoint until the reset. Returns when that is. */
  tooManyVisits(endpoint: string, resetAt: number | null): number {
    const now = this.now();
    const holdUntil = resetAt !== null && resetAt > now ? resetAt : now + ENDPOINT_WINDOW_MS;
    this.endpoints.set(endpoint, { remaining: 0, holdUntil });
    return holdUntil;
  }

  /** HTTP 403: Bybit banned the IP. */
  ban(): number {
    const until = this.now() + this.banMs;
    this.banEndsAt = until;
    this.onBan(until);
    return until;
  }

  /** When the current ban ends, or null when there is none. */
  bannedUntil(): number | null {
    if (this.banEndsAt !== null && this.now() >= this.banEndsAt) this.banEndsAt = null;
    return this.banEndsAt;
  }

  private throwIfBanned(): void {
    const until = this.bannedUntil();
    if (until !== null) throw new BybitIpBanned(until);
  }

  private endpointReadyAt(endpoint: string): number {
    const budget = this.endpoints.get(endpoint);
    if (!budget) return 0;
    if (this.now() >= budget.holdUntil) {
      this.endpoints.delete(endpoint);
      return 0;
    }
    return budget.remaining > 0 ? 0 : budget.holdUntil;
  }

  private ipReadyAt(): number {
    const windowStart = this.now() - this.ipBudget.windowMs;
    while (this.sentAt.length > 0 && this.sentAt[0] <= windowStart) this.sentAt.shift();
    if (this.sentAt.length < this.ipBudget.requests) return 0;
    return this.sentAt[this.sentAt.length - this.ipBudget.requests] + this.ipBudget.windowMs;
  }
}
