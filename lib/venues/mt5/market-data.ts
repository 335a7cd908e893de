/**
 * The EA's PUB frames: `EURUSD:|:bid;ask` (a price) and `EURUSD_M1:|:time;o;h;l;c;tick_volume;spread;real_volume`
 * (the first snapshot of a NEW bar, time in broker server seconds), told apart by their field count. Hot path:
 * checked by hand, malformed frames come back as null, prices stay the exact decimal text sent.
 */

export interface Mt5Price {
  kind: "price";
  symbol: string;
  bid: string;
  ask: string;
}

export interface Mt5Bar {
  kind: "bar";
  symbol: string;
  /** The topic's timeframe label: M1, M5, H1, D1... */
  timeframe: string;
  /** Bar open time, broker server seconds. */
  time: number;
  open: string;
  high: string;
  low: string;
  close: string;
  tickVolume: number;
  spread: number;
  realVolume: number;
}

export const TOPIC_SEPARATOR = ":|:";

const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;
const TIMEFRAME = /^(M|H|D|W|MN)\d+$/;

/** The SUB prefix for a symbol's prices: exactly `EURUSD:|:`, so that `EURUSD_M1` bars or `EURUSDm` do not match. */
export function priceTopic(symbol: string): string {
  return `${symbol}${TOPIC_SEPARATOR}`;
}

/** The SUB prefix for a symbol's bars of one timeframe, e.g. `EURUSD_M1:|:`. */
export function barTopic(symbol: string, timeframe: string): string {
  return `${symbol}_${timeframe}${TOPIC_SEPARATOR}`;
}

export function parseMarketMessage(frame: string): Mt5Price | Mt5Bar | null {
  const split = frame.indexOf(TOPIC_SEPARATOR);
  if (split <= 0) return null;
  const topic = frame.slice(0, split);
  const fields = frame.slice(split + TOPIC_SEPARATOR.length).split(";");
  if (fields.length === 2) return price(topic, fields);
  if (fields.length === 8) return bar(topic, fields);
  return null;
}

function price(symbol: string, [bid, ask]: string[]): Mt5Price | null {
  if (!DECIMAL.test(bid) || !DECIMAL.test(ask)) return null;
  return { kind: "price", symbol, bid, ask };
}

function bar(topic: string, fields: string[]): Mt5Bar | null {
  // Broker symbols may contain underscores (EURUSD_i): the timeframe is after the last one.
  const split = topic.lastIndexOf("_");
  const timeframe = topic.slice(split + 1);
  if (split <= 0 || !TIMEFRAME.test(timeframe)) return null;
  const [time, open, high, low, close, tickVolume, spread, realVolume] = fields;
  if (![time, tickVolume, spread, realVolume].every((f) => INTEGER.test(f))) return null;
  if (![open, high, low, close].every((f) => DECIMAL.test(f))) return null;
  return {
    kind: "bar", symbol: topic.slice(0, split), timeframe, time: Number(time), open, high, low, close,
    tickVolume: Number(tickVolume), spread: Number(spread), realVolume: Number(realVolume),
  };
}
