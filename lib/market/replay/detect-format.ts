import path from "node:path";
import { parseBacktestingCsv } from "@/lib/market/replay/backtesting-csv";
import { parseFreqtradeCandles } from "@/lib/market/replay/freqtrade-candles";
import { parseFreqtradeTrades } from "@/lib/market/replay/freqtrade-trades";
import { decodeRecordingBytes, parseJsonRecording, readRecordingText } from "@/lib/market/replay/read-text";
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

/** The formats a recording can be in, as named to users. */
export type RecordingFormat = "freqtrade-trades" | "freqtrade-candles" | "backtesting-csv";

export interface DetectedRecording {
  format: RecordingFormat;
  recording: Recording;
}

function classifyJson(value: unknown, source: string): DetectedRecording {
  if (!Array.isArray(value)) throw new RecordingFormatError(source, null, "expected a JSON array of rows");
  if (value.length === 0) throw new RecordingFormatError(source, null, "recording has no rows");
  const first: unknown = value[0];
  if (Array.isArray(first) && (first.length >= 7 || typeof first[3] === "string")) {
    return { format: "freqtrade-trades", recording: { kind: "trades", trades: parseFreqtradeTrades(value, source) } };
  }
  if (Array.isArray(first) && first.length === 6) {
    const bars = parseFreqtradeCandles(value, source);
    return { format: "freqtrade-candles", recording: { kind: "bars", bars, intervalMs: inferIntervalMs(bars, source) } };
  }
  throw new RecordingFormatError(source, 1, `neither a freqtrade trade row nor a candle row: ${JSON.stringify(first)}`);
}

/** Decides the format from the text itself (never the name) and parses it; `source` names it in errors. */
export function detectRecording(text: string, source: string): DetectedRecording {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("[")) return classifyJson(parseJsonRecording(start, source), source);
  const header = start.slice(0, start.search(/\r?\n|$/)).toLowerCase();
  if (header.includes("open") && header.includes("close")) {
    const bars = parseBacktestingCsv(start, source);
    if (bars.length === 0) throw new RecordingFormatError(source, null, "recording has no rows");
    return { format: "backtesting-csv", recording: { kind: "bars", bars, intervalMs: inferIntervalMs(bars, source) } };
  }
  throw new RecordingFormatError(source, null, "unrecognised format (expected freqtrade JSON or backtesting.py CSV)");
}

/**
 * Loads a freqtrade trades/candles JSON (optionally gzipped) or a backtesting.py CSV, deciding the
 * format from the content rather than the file name.
 */
export async function loadRecording(file: string): Promise<Recording> {
  return detectRecording(await readRecordingText(file), file).recording;
}

/**
 * The same formats from bytes in memory (an upload), gzipped or not; `source` (the file name) names it in errors,
 * `maxTextBytes` bounds the decompressed size.
 */
export function parseRecordingBytes(bytes: Uint8Array, source: string, maxTextBytes?: number): DetectedRecording {
  return detectRecording(decodeRecordingBytes(bytes, source, maxTextBytes), source);
}
