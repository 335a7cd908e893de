export type AggressorSide = "buy" | "sell";

/** One trade print from a feed. Market data may use floats; money never does. */
export interface Tick {
  symbol: string;
  /** Exchange time, Unix ms. */
  ts: number;
  price: number;
  size: number;
  side: AggressorSide;
  /** Per-symbol sequence number assigned by the feed, starting at 1. */
  seq: number;
}

export const BAR_INTERVALS = ["1s", "1m", "5m", "1h"] as const;
export type BarInterval = (typeof BAR_INTERVALS)[number];

export const INTERVAL_MS: Record<BarInterval, number> = { "1s": 1_000, "1m": 60_000, "5m": 300_000, "1h": 3_600_000 };

/** A bar length as people write it ("1m", "4h", "1d"), for any length a recording may have. */
export function intervalLabel(ms: number): string {
  const units: Array<[string, number]> = [["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1_000]];
  for (const [unit, size] of units) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** Open, high, low, close and volume of one bar; openTime is Unix ms, UTC. */
export interface Ohlcv {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** A bar of one symbol and interval; its openTime is aligned to the interval. */
export interface Bar extends Ohlcv {
  symbol: string;
  interval: BarInterval;
  trades: number;
  /** True once the interval has ended and the bar can no longer change. */
  closed: boolean;
}

export type FeedKind = "sim" | "replay" | "bybit" | "alphavantage" | "mt5";
export type FeedState = "starting" | "live" | "stopped" | "finished" | "error";

export interface FeedStatus {
  name: string;
  kind: FeedKind;
  state: FeedState;
  symbols: string[];
  lastTickAt: number | null;
  ticks: number;
  /** Overrides the kind's badge text when the source needs saying, e.g. "SIMULATED (Bybit unreachable)". */
  label?: string;
}
