import path from "node:path";
import { parseBacktestingCsv } from "@/lib/market/replay/backtesting-csv";
import { parseFreqtradeCandles } from "@/lib/market/replay/freqtrade-candles";
import { parseFreqtradeTrades } from "@/lib/market/replay/freqtrade-trades";
import { parseJsonRecording, readRecordingText } from "@/lib/market/replay/read-text";
import { RecordingFormatError, type RecordedBar, type Recording } from "@/lib/market/replay/recording";

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Bar length from the median spacing, so weekends and holidays in daily data do not distort it. */
export function inferIntervalMs(bars: readonly RecordedBar[], source: string): number {
  if (bars.length < 2) {
    // A single candle has no spacing; freqtrade names its files PAIR-<timeframe>.json.
    const named = /-(\d+)([smhdw])(?:-[a-z_]+)?\.json(?:\.gz)?$/.exec(path.basename(source));
    if (named) return Number(named[1]) * UNIT_MS[named[2]];
    throw new RecordingFormatError(source, null, "cannot infer the bar interval from fewer than 2 bars");
  }
  const gaps = new Float64Array(bars.length - 1);
  for (let i = 1; i < bars.length; i++) gaps[i - 1] = bars[i].openTime - bars[i - 1].openTime;
  gaps.sort();
  return gaps[Math.floor((gaps.length - 1) / 2)];
}

function classifyJson(value: unknown, source: string): Recording {
  if (!Array.isArray(value)) throw new RecordingFormatError(source, null, "expected a JSON array of rows");
  if (value.length === 0) throw new RecordingFormatError(source, null, "recording has no rows");
  const first: unknown = value[0];
  if (Array.isArray(first) && (first.length >= 7 || typeof first[3] === "string")) {
    return { kind: "trades", trades: parseFreqtradeTrades(value, source) };
  }
  if (Array.isArray(first) && first.length === 6) {
    const bars = parseFreqtradeCandles(value, source);
    return { kind: "bars", bars, intervalMs: inferIntervalMs(bars, source) };
  }
  throw new RecordingFormatError(source, 1, `neither a freqtrade trade row nor a candle row: ${JSON.stringify(first)}`);
}

/**
 * Loads a freqtrade trades/candles JSON (optionally gzipped) or a backtesting.py CSV, deciding the
 * format from the content rather than the file name.
 */
export async function loadRecording(file: string): Promise<Recording> {
  const text = (await readRecordingText(file)).replace(/^\uFEFF/, "");
  const start = text.trimStart();
  if (start.startsWith("[")) return classifyJson(parseJsonRecording(text, file), file);
  const header = start.slice(0, start.search(/\r?\n|$/)).toLowerCase();
  if (header.includes("open") && header.includes("close")) {
    const bars = parseBacktestingCsv(start, file);
    if (bars.length === 0) throw new RecordingFormatError(file, null, "recording has no rows");
    return { kind: "bars", bars, intervalMs: inferIntervalMs(bars, file) };
  }
  throw new RecordingFormatError(file, null, "unrecognised format (expected freqtrade JSON or backtesting.py CSV)");
}
