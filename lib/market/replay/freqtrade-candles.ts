import { validateBar, validateBarOrder } from "@/lib/market/replay/bar-validation";
import { parseJsonRecording, readRecordingText } from "@/lib/market/replay/read-text";
import { RecordingFormatError, type RecordedBar } from "@/lib/market/replay/recording";

/** Row layout: freqtrade DEFAULT_DATAFRAME_COLUMNS = [date_ms, open, high, low, close, volume]; date = candle open, UTC. */
function parseRow(row: unknown, source: string, rowNumber: number): RecordedBar {
  if (!Array.isArray(row) || row.length !== 6 || !isNumbers(row, 5) || !(typeof row[5] === "number" || row[5] === null)) {
    throw new RecordingFormatError(source, rowNumber, `expected [date_ms, open, high, low, close, volume] numbers, got ${JSON.stringify(row)}`);
  }
  // Mark-price candles carry a null volume: there is no traded quantity behind them.
  const cells = row as number[];
  const volume = (row[5] as number | null) ?? 0;
  return validateBar({ openTime: cells[0], open: cells[1], high: cells[2], low: cells[3], close: cells[4], volume }, source, rowNumber);
}

function isNumbers(row: unknown[], count: number): boolean {
  for (let i = 0; i < count; i++) if (typeof row[i] !== "number") return false;
  return true;
}

/** Parses an already-decoded freqtrade candle array. */
export function parseFreqtradeCandles(value: unknown, source: string): RecordedBar[] {
  if (!Array.isArray(value)) throw new RecordingFormatError(source, null, "expected a JSON array of candle rows");
  const bars = new Array<RecordedBar>(value.length);
  for (let i = 0; i < value.length; i++) bars[i] = parseRow(value[i], source, i + 1);
  validateBarOrder(bars, source, 1);
  return bars;
}

/** Reads a freqtrade candle file (.json or .json.gz). */
export async function readFreqtradeCandles(file: string): Promise<RecordedBar[]> {
  return parseFreqtradeCandles(parseJsonRecording(await readRecordingText(file), file), file);
}
