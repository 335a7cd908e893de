import type { Tick } from "@/lib/domain/market-data";

/**
 * Normalisation of Bybit v5 public stream data. This is the hot path, so shapes are checked by hand (no zod) and
 * anything that does not fit is dropped and counted, never thrown. Trades become ticks (floats, as market data
 * may be); order-book and ticker values stay the exact decimal strings Bybit sent.
 */

export type TradePrint = Omit<Tick, "seq">;
export type PriceLevel = readonly [price: string, size: string];

export interface BookUpdate {
  symbol: string;
  type: "snapshot" | "delta";
  /** Update id: +1 per message on one subscription; 1 means the server restarted the book. */
  u: number;
  ts: number;
  bids: readonly PriceLevel[];
  asks: readonly PriceLevel[];
}

export interface TickerUpdate {
  symbol: string;
  type: "snapshot" | "delta";
  ts: number;
  /** Only the fields present in the message; every value a string as sent. */
  fields: Record<string, string>;
}

export interface Kline {
  symbol: string;
  /** Bybit's interval label: "1", "5", "60", "D"... */
  interval: string;
  start: number;
  end: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  turnover: string;
  /** True once the bar is closed. */
  confirm: boolean;
  timestamp: number;
}

/** What the normalisers dropped, by reason: a feed's health figure, never an exception. */
export class DropCounter {
  private readonly counts: Record<string, number> = {};
  total = 0;

  count(reason: string): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
    this.total += 1;
  }

  byReason(): Readonly<Record<string, number>> {
    return { ...this.counts };
  }
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** The symbol at the end of a topic such as "orderbook.50.BTCUSDT". */
export function topicSymbol(topic: string): string {
  return topic.slice(topic.lastIndexOf(".") + 1);
}

/** Appends each valid trade of a publicTrade message's data to `out`; returns how many were appended. */
export function parseTrades(data: unknown, drops: DropCounter, out: TradePrint[]): number {
  if (!Array.isArray(data)) {
    drops.count("trade: data is not an array");
    return 0;
  }
  let appended = 0;
  for (let i = 0; i < data.length; i++) {
    const trade = toTrade(data[i]);
    if (trade === null) drops.count("trade: bad fields");
    else {
      out.push(trade);
      appended++;
    }
  }
  return appended;
}

function toTrade(raw: unknown): TradePrint | null {
  if (raw === null || typeof raw !== "object") return null;
  const t = raw as Record<string, unknown>;
  const { p, v, S, T, s } = t;
  if (typeof p !== "string" || typeof v !== "string" || typeof T !== "number" || typeof s !== "string") return null;
  if (S !== "Buy" && S !== "Sell") return null;
  const price = Number(p);
  const size = Number(v);
  // Number("") is 0 and Number("1e3") parses: both rejected by requiring a positive finite value of a plain decimal.
  if (!(price > 0) || !(size > 0) || price === Infinity || size === Infinity || !DECIMAL.test(p) || !DECIMAL.test(v)) return null;
  return { symbol: s, ts: T, price, size, side: S === "Buy" ? "buy" : "sell" };
}

function parseLevels(raw: unknown): PriceLevel[] | null {
  if (!Array.isArray(raw)) return null;
  const levels: PriceLevel[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const level = raw[i] as unknown;
    if (!Array.isArray(level) || level.length < 2) return null;
    const [price, size] = level as unknown[];
    if (typeof price !== "string" || typeof size !== "string" || !DECIMAL.test(price) || !DECIMAL.test(size)) return null;
    levels[i] = [price, size];
  }
  return levels;
}

function messageType(type: unknown): "snapshot" | "delta" | null {
  return type === "snapshot" || type === "delta" ? type : null;
}

/** An orderbook message, or null (counted) when any part is malformed: a partly applied book would be wrong. */
export function parseBookUpdate(message: { topic: string; type?: unknown; ts?: unknown; data: unknown }, drops: DropCounter): BookUpdate | null {
  const data = message.data as Record<string, unknown> | null;
  const type = messageType(message.type);
  if (type === null || data === null || typeof data !== "object" || typeof data.u !== "number" || typeof message.ts !== "number") {
    drops.count("orderbook: bad envelope");
    return null;
  }
  const bids = parseLevels(data.b);
  const asks = parseLevels(data.a);
  if (bids === null || asks === null) {
    drops.count("orderbook: bad levels");
    return null;
  }
  const symbol = typeof data.s === "string" ? data.s : topicSymbol(message.topic);
  return { symbol, type, u: data.u, ts: message.ts, bids, asks };
}

/** A tickers message; non-string fields (none in v5) are left out. */
export function parseTickerUpdate(message: { topic: string; type?: unknown; ts?: unknown; data: unknown }, drops: DropCounter): TickerUpdate | null {
  const data = message.data as Record<string, unknown> | null;
  // Option tickers come without a type: they are always full snapshots.
  const type = message.type === undefined ? "snapshot" : messageType(message.type);
  if (type === null || data === null || typeof data !== "object" || Array.isArray(data) || typeof message.ts !== "number") {
    drops.count("tickers: bad envelope");
    return null;
  }
  const fields: Record<string, string> = {};
  for (const key in data) {
    const value = data[key];
    if (typeof value === "string") fields[key] = value;
  }
  return { symbol: fields.symbol ?? topicSymbol(message.topic), type, ts: message.ts, fields };
}

/** The bars of a kline message (usually one). */
export function parseKlines(message: { topic: string; data: unknown }, drops: DropCounter): Kline[] {
  if (!Array.isArray(message.data)) {
    drops.count("kline: data is not an array");
    return [];
  }
  const symbol = topicSymbol(message.topic);
  const bars: Kline[] = [];
  for (const raw of message.data as unknown[]) {
    const bar = toKline(raw, symbol);
    if (bar === null) drops.count("kline: bad fields");
    else bars.push(bar);
  }
  return bars;
}

function toKline(raw: unknown, symbol: string): Kline | null {
  if (raw === null || typeof raw !== "object") return null;
  const k = raw as Record<string, unknown>;
  const texts = [k.open, k.high, k.low, k.close, k.volume, k.turnover];
  if (!texts.every((t) => typeof t === "string" && DECIMAL.test(t))) return null;
  if (typeof k.start !== "number" || typeof k.end !== "number" || typeof k.timestamp !== "number") return null;
  if (typeof k.interval !== "string" || typeof k.confirm !== "boolean") return null;
  const [open, high, low, close, volume, turnover] = texts as string[];
  return { symbol, interval: k.interval, start: k.start, end: k.end, open, high, low, close, volume, turnover, confirm: k.confirm, timestamp: k.timestamp };
}
