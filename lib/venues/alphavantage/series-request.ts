import type { BarInterval } from "@/lib/domain/market-data";

export const ALPHA_VANTAGE_INTERVALS = ["1min", "5min", "60min"] as const;
export type AlphaVantageInterval = (typeof ALPHA_VANTAGE_INTERVALS)[number];

export const BAR_INTERVAL_OF: Record<AlphaVantageInterval, BarInterval> = { "1min": "1m", "5min": "5m", "60min": "1h" };

/** One intraday series to ask Alpha Vantage for: a stock (IBM) or an FX pair (EUR/USD). */
export interface SeriesRequest {
  /** As configured: "IBM", "EUR/USD". */
  symbol: string;
  /** As the platform stores it: "IBM", "EURUSD". */
  barSymbol: string;
  interval: AlphaVantageInterval;
  /** Query parameters without the API key. */
  params: Record<string, string>;
  /** The response's series field, e.g. "Time Series (5min)". */
  seriesKey: string;
  /** Identifies the request (never contains the API key). */
  key: string;
}

const FX_PAIR = /^([A-Z]{3})\/([A-Z]{3})$/;
const STOCK = /^[A-Z0-9.]{1,12}$/;

export function seriesRequest(symbol: string, interval: AlphaVantageInterval): SeriesRequest {
  const pair = FX_PAIR.exec(symbol);
  if (pair) {
    const [, from, to] = pair;
    const params = { function: "FX_INTRADAY", from_symbol: from, to_symbol: to, interval, outputsize: "compact" };
    return { symbol, barSymbol: `${from}${to}`, interval, params, seriesKey: `Time Series FX (${interval})`, key: new URLSearchParams(params).toString() };
  }
  if (!STOCK.test(symbol)) throw new Error(`"${symbol}" is neither a stock symbol like IBM nor an FX pair like EUR/USD`);
  const params = { function: "TIME_SERIES_INTRADAY", symbol, interval, outputsize: "compact" };
  return { symbol, barSymbol: symbol, interval, params, seriesKey: `Time Series (${interval})`, key: new URLSearchParams(params).toString() };
}
