import { describe, expect, it } from "vitest";
import { AlphaVantageFormatError } from "@/lib/venues/alphavantage/errors";
import { parseBars } from "@/lib/venues/alphavantage/parse-bars";
import { seriesRequest } from "@/lib/venues/alphavantage/series-request";
import { fxBody, intradayBody } from "./fixtures";

describe("parseBars: TIME_SERIES_INTRADAY", () => {
  it("turns the US/Eastern series into UTC bars, oldest first, without losing digits", () => {
    const body = intradayBody("IBM", "5min", [
      ["2024-08-02 19:55:00", "188.3500", "188.3600", "188.3500", "188.3500", "60"],
      ["2024-08-02 19:50:00", "188.5000", "188.5000", "188.3500", "188.3501", "13"],
    ]);
    expect(parseBars(body, seriesRequest("IBM", "5min"))).toEqual([
      { symbol: "IBM", interval: "5m", openTime: Date.UTC(2024, 7, 2, 23, 50), open: 188.5, high: 188.5, low: 188.35, close: 188.3501, volume: 13, trades: 0, closed: true },
      { symbol: "IBM", interval: "5m", openTime: Date.UTC(2024, 7, 2, 23, 55), open: 188.35, high: 188.36, low: 188.35, close: 188.35, volume: 60, trades: 0, closed: true },
    ]);
  });

  it("applies EST before and EDT after the March switch to daylight saving time", () => {
    const body = intradayBody("IBM", "1min", [
      ["2024-03-11 09:30:00", "191.0000", "191.2000", "190.9000", "191.1000", "1200"],
      ["2024-03-08 15:59:00", "190.0000", "190.1000", "189.9000", "190.0500", "900"],
    ]);
    const bars = parseBars(body, seriesRequest("IBM", "1min"));
    expect(bars.map((b) => [b.interval, b.openTime])).toEqual([
      ["1m", Date.UTC(2024, 2, 8, 20, 59)], // UTC-5
      ["1m", Date.UTC(2024, 2, 11, 13, 30)], // UTC-4
    ]);
  });

  it("applies EDT before and EST after the November switch back", () => {
    const body = intradayBody("IBM", "60min", [
      ["2024-11-04 09:00:00", "200.0000", "201.0000", "199.0000", "200.5000", "5000"],
      ["2024-11-01 19:00:00", "198.0000", "198.5000", "197.5000", "198.2500", "400"],
    ]);
    const bars = parseBars(body, seriesRequest("IBM", "60min"));
    expect(bars.map((b) => [b.interval, b.openTime])).toEqual([
      ["1h", Date.UTC(2024, 10, 1, 23, 0)],
      ["1h", Date.UTC(2024, 10, 4, 14, 0)],
    ]);
  });
});

describe("parseBars: FX_INTRADAY", () => {
  it("stores EUR/USD as EURUSD with UTC times as sent and no volume", () => {
    const body = fxBody("EUR", "USD", "5min", [
      ["2026-01-25 22:40:00", "1.18660", "1.18680", "1.18640", "1.18680"],
      ["2026-01-25 22:35:00", "1.18600", "1.18660", "1.18600", "1.18650"],
    ]);
    expect(parseBars(body, seriesRequest("EUR/USD", "5min"))).toEqual([
      { symbol: "EURUSD", interval: "5m", openTime: Date.UTC(2026, 0, 25, 22, 35), open: 1.186, high: 1.1866, low: 1.186, close: 1.1865, volume: 0, trades: 0, closed: true },
      { symbol: "EURUSD", interval: "5m", openTime: Date.UTC(2026, 0, 25, 22, 40), open: 1.1866, high: 1.1868, low: 1.1864, close: 1.1868, volume: 0, trades: 0, closed: true },
    ]);
  });
});

describe("parseBars: answers in the wrong shape", () => {
  it("names the missing series", () => {
    const body = intradayBody("IBM", "5min", []);
    expect(() => parseBars(body, seriesRequest("IBM", "1min"))).toThrow(new AlphaVantageFormatError(`Alpha Vantage's answer for IBM has no "Time Series (1min)"`));
  });

  it("refuses a price that is not a decimal number", () => {
    const body = intradayBody("IBM", "5min", [["2024-08-02 19:55:00", "188.35", "n/a", "188.35", "188.35", "60"]]);
    expect(() => parseBars(body, seriesRequest("IBM", "5min"))).toThrow(/bar at 2024-08-02 19:55:00 has no valid "2. high"/);
  });

  it("refuses a time zone it does not know instead of guessing", () => {
    const body = intradayBody("IBM", "5min", [["2024-08-02 19:55:00", "1", "1", "1", "1", "1"]]);
    body["Meta Data"]["6. Time Zone"] = "Mars/Olympus";
    expect(() => parseBars(body, seriesRequest("IBM", "5min"))).toThrow(AlphaVantageFormatError);
  });
});

describe("seriesRequest", () => {
  it("asks FX_INTRADAY for a pair and TIME_SERIES_INTRADAY for a stock", () => {
    expect(seriesRequest("EUR/USD", "5min")).toMatchObject({
      barSymbol: "EURUSD", seriesKey: "Time Series FX (5min)",
      params: { function: "FX_INTRADAY", from_symbol: "EUR", to_symbol: "USD", interval: "5min", outputsize: "compact" },
    });
    expect(seriesRequest("IBM", "60min")).toMatchObject({
      barSymbol: "IBM", seriesKey: "Time Series (60min)",
      params: { function: "TIME_SERIES_INTRADAY", symbol: "IBM", interval: "60min", outputsize: "compact" },
    });
  });

  it("refuses a symbol that is neither", () => {
    expect(() => seriesRequest("EUR/US", "5min")).toThrow(/neither a stock symbol like IBM nor an FX pair like EUR\/USD/);
  });
});
