import type { Bar } from "@/lib/domain/market-data";
import { AlphaVantageFormatError } from "./errors";
import { BAR_INTERVAL_OF, type SeriesRequest } from "./series-request";
import { wallTimeToUtc } from "./zoned-time";

const DECIMAL = /^\d+(\.\d+)?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The meta data's time zone: "6. Time Zone" for stocks (US/Eastern), "7. Time Zone" for FX (UTC). */
function timeZoneOf(body: Record<string, unknown>, request: SeriesRequest): string {
  const meta = body["Meta Data"];
  const zone = isRecord(meta) ? Object.entries(meta).find(([name]) => /Time Zone$/.test(name))?.[1] : undefined;
  if (typeof zone !== "string") throw new AlphaVantageFormatError(`Alpha Vantage's answer for ${request.symbol} has no time zone in its meta data`);
  return zone;
}

function numberField(point: Record<string, unknown>, field: string, time: string, request: SeriesRequest): number {
  const text = point[field];
  if (typeof text !== "string" || !DECIMAL.test(text)) throw new AlphaVantageFormatError(`Alpha Vantage's ${request.symbol} bar at ${time} has no valid "${field}"`);
  return Number(text);
}

function openTimeOf(time: string, timeZone: string, request: SeriesRequest): number {
  try {
    return wallTimeToUtc(time, timeZone);
  } catch (error) {
    throw new AlphaVantageFormatError(`Alpha Vantage's ${request.symbol} bar time "${time}" in ${timeZone} cannot be read: ${(error as Error).message}`);
  }
}

function toBar(time: string, point: unknown, timeZone: string, request: SeriesRequest): Bar {
  if (!isRecord(point)) throw new AlphaVantageFormatError(`Alpha Vantage's ${request.symbol} bar at ${time} is not an object`);
  const field = (name: string) => numberField(point, name, time, request);
  return {
    symbol: request.barSymbol,
    interval: BAR_INTERVAL_OF[request.interval],
    // Keys are the bar's start: the last extended-hours 5min bar of a day is 19:55, not 20:00.
    openTime: openTimeOf(time, timeZone, request),
    open: field("1. open"),
    high: field("2. high"),
    low: field("3. low"),
    close: field("4. close"),
    // FX series carry no volume.
    volume: "5. volume" in point ? field("5. volume") : 0,
    trades: 0,
    closed: true,
  };
}

/** The bars of a TIME_SERIES_INTRADAY or FX_INTRADAY answer, oldest first, with open times in UTC ms. */
export function parseBars(body: Record<string, unknown>, request: SeriesRequest): Bar[] {
  const series = body[request.seriesKey];
  if (!isRecord(series)) throw new AlphaVantageFormatError(`Alpha Vantage's answer for ${request.symbol} has no "${request.seriesKey}"`);
  const timeZone = timeZoneOf(body, request);
  const bars = Object.entries(series).map(([time, point]) => toBar(time, point, timeZone, request));
  return bars.sort((a, b) => a.openTime - b.openTime);
}
