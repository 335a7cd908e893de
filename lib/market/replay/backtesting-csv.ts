import { validateBar } from "@/lib/market/replay/bar-validation";
import { readRecordingText } from "@/lib/market/replay/read-text";
import { RecordingFormatError, type RecordedBar } from "@/lib/market/replay/recording";

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** backtesting.py dates carry no zone; they are read as UTC so the same file always gives the same times. */
export function parseNaiveUtcDate(text: string): number {
  const match = DATE_PATTERN.exec(text);
  if (!match) return Number.NaN;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(time);
  // Date.UTC rolls 2021-02-30 over to March; reject instead of shifting the bar.
  const exact = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour;
  return exact && minute < 60 && second < 60 ? time : Number.NaN;
}

interface Columns {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
}

function parseHeader(line: string, source: string): Columns {
  const names = line.split(",").map((name) => name.trim().toLowerCase());
  const find = (name: string) => names.indexOf(name, 1);
  const columns = { open: find("open"), high: find("high"), low: find("low"), close: find("close") };
  const missing = Object.entries(columns).filter(([, index]) => index < 0).map(([name]) => name);
  if (missing.length > 0) throw new RecordingFormatError(source, 1, `header lacks ${missing.join(", ")} (expected ",Open,High,Low,Close,Volume")`);
  const volume = find("volume");
  return { ...columns, volume: volume < 0 ? null : volume };
}

function numberCell(cells: string[], index: number, name: string, source: string, line: number): number {
  const cell = cells[index]?.trim() ?? "";
  const value = cell === "" ? Number.NaN : Number(cell);
  if (!Number.isFinite(value)) throw new RecordingFormatError(source, line, `${name} is not a number: ${JSON.stringify(cells[index] ?? "")}`);
  return value;
}

function parseLine(text: string, columns: Columns, source: string, line: number): RecordedBar {
  const cells = text.split(",");
  const openTime = parseNaiveUtcDate(cells[0].trim());
  if (Number.isNaN(openTime)) throw new RecordingFormatError(source, line, `date must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, got ${JSON.stringify(cells[0])}`);
  const bar: RecordedBar = {
    openTime,
    open: numberCell(cells, columns.open, "Open", source, line),
    high: numberCell(cells, columns.high, "High", source, line),
    low: numberCell(cells, columns.low, "Low", source, line),
    close: numberCell(cells, columns.close, "Close", source, line),
    volume: columns.volume === null ? 0 : numberCell(cells, columns.volume, "Volume", source, line),
  };
  return validateBar(bar, source, line);
}

/** Parses backtesting.py CSV text; row numbers in errors are file line numbers (the header is line 1). */
export function parseBacktestingCsv(text: string, source: string): RecordedBar[] {
  const lines = text.split(/\r?\n/);
  const columns = parseHeader(lines[0] ?? "", source);
  const bars: RecordedBar[] = [];
  let previousLine = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const bar = parseLine(lines[i], columns, source, i + 1);
    if (bars.length > 0 && bar.openTime <= bars[bars.length - 1].openTime) {
      throw new RecordingFormatError(source, i + 1, `date is not after the one on line ${previousLine}`);
    }
    bars.push(bar);
    previousLine = i + 1;
  }
  return bars;
}

export async function readBacktestingCsv(file: string): Promise<RecordedBar[]> {
  return parseBacktestingCsv(await readRecordingText(file), file);
}
