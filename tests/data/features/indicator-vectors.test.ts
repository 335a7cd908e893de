import { describe, expect, it } from "vitest";
import { computeAdx } from "@/lib/features/indicators/adx";
import { computeAtr } from "@/lib/features/indicators/atr";
import { computeBollinger } from "@/lib/features/indicators/bollinger";
import { computeEma } from "@/lib/features/indicators/ema";
import { computeMacd } from "@/lib/features/indicators/macd";
import { computeRsi } from "@/lib/features/indicators/rsi";
import { compareSeries, numbers, readReferenceCsv, type ReferenceCell, type ReferenceColumns } from "./reference-csv";

/**
 * Every row where the reference has a value must be within 1e-6 relative, or, where the file printed fewer digits
 * than that needs (%B = 0.028541 has six decimals), within the file's own rounding.
 */
function expectMatch(actual: (number | null | undefined)[], expected: (ReferenceCell | null)[], minimumRows: number, fromRow = 0): void {
  const comparison = compareSeries(actual, expected, 1e-6, fromRow);
  expect(comparison.missing, "rows without a value").toEqual([]);
  expect(comparison.outside, `rows off (worst ${comparison.maxRelativeError} at row ${comparison.worstRow})`).toEqual([]);
  expect(comparison.compared).toBeGreaterThanOrEqual(minimumRows);
}

const barsOf = (csv: ReferenceColumns) => {
  const [high, low, close] = [numbers(csv, "High"), numbers(csv, "Low"), numbers(csv, "Close")];
  return close.map((c, i) => ({ high: high[i], low: low[i], close: c }));
};

const allNull = (values: unknown[]) => values.every((v) => v === null);

describe("indicators reproduce ta's reference vectors (ta-stockcharts-vectors)", () => {
  it("RSI(14) on every row from the first value (row 14), with no value before it", () => {
    const csv = readReferenceCsv("cs-rsi.csv");
    const rsi = computeRsi(numbers(csv, "Close"), 14);
    expectMatch(rsi, csv.RSI, 19);
    expect(allNull(rsi.slice(0, 14))).toBe(true);
  });

  it("MACD(12, 26, 9): both EMAs on every row, the line from row 25, signal from row 56, histogram from row 75", () => {
    const csv = readReferenceCsv("cs-macd.csv");
    const close = numbers(csv, "Close");
    expectMatch(computeEma(close, { span: 12 }), csv.short_ema, 124);
    expectMatch(computeEma(close, { span: 26 }), csv.long_ema, 124);
    const macd = computeMacd(close, 12, 26, 9);
    expect(allNull(macd.slice(0, 25))).toBe(true);
    expectMatch(macd.map((v) => v?.line), csv.MACD_line, 99, 25);
    // The file's signal starts at row 2 from -0.1291444063, which is no EMA of this line (0.006 with any seed); the
    // gap shrinks by 0.8 a bar: under 1e-6 relative from row 56, and for the histogram, which crosses zero, from 75.
    expectMatch(macd.map((v) => v?.signal), csv.MACD_signal, 68, 56);
    expectMatch(macd.map((v) => v?.histogram), csv.MACD_diff, 49, 75);
  });

  it("MACD's signal recursion reproduces the file's signal on every row once given the file's own seed", () => {
    const csv = readReferenceCsv("cs-macd.csv");
    const line = numbers(csv, "Close").map((_, i) => (i === 0 ? 0 : csv.MACD_line[i]!.value));
    const seeded = computeEma([csv.MACD_signal[2]!.value, ...line.slice(3)], { span: 9 });
    expectMatch([null, null, ...seeded], csv.MACD_signal, 122);
  });

  it("Bollinger(20, 2, population std): middle, bands, width and %B on every row from row 19", () => {
    const csv = readReferenceCsv("cs-bbands.csv");
    const bands = computeBollinger(numbers(csv, "Close"), 20, 2);
    expect(allNull(bands.slice(0, 19))).toBe(true);
    expectMatch(bands.map((b) => b?.middle), csv.MiddleBand, 23);
    expectMatch(bands.map((b) => b?.upper), csv.HighBand, 23);
    expectMatch(bands.map((b) => b?.lower), csv.LowBand, 23);
    expectMatch(bands.map((b) => b?.width), csv.WidthBand, 23);
    expectMatch(bands.map((b) => b?.percentB), csv.PercentageBand, 23);
  });

  it.each([["cs-atr.csv", 14], ["cs-atr2.csv", 10]])("ATR on %s (n = %i) on every row from row n-1 (the file writes 0 before)", (file, period) => {
    const csv = readReferenceCsv(file);
    const atr = computeAtr(barsOf(csv), period);
    expect(numbers(csv, "ATR").slice(0, period - 1).every((v) => v === 0)).toBe(true);
    expect(allNull(atr.slice(0, period - 1))).toBe(true);
    expectMatch(atr, csv.ATR.map((cell, row) => (row < period - 1 ? null : cell)), 30 - period);
  });

  it("ADX(14): +DI and -DI on every row from row 14, ADX from row 27", () => {
    const csv = readReferenceCsv("cs-adx.csv");
    const adx = computeAdx(barsOf(csv), 14);
    expectMatch(adx.map((v) => v?.plusDi), csv["+DI14"], 490);
    expectMatch(adx.map((v) => v?.minusDi), csv["-DI14"], 490);
    expectMatch(adx.map((v) => v?.adx ?? null), csv.ADX, 477);
    expect(allNull(adx.slice(0, 14))).toBe(true);
    expect(adx.slice(14, 27).every((v) => v !== null && v.adx === null)).toBe(true);
  });
});
