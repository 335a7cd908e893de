import { parseJsonRecording, readRecordingText } from "@/lib/market/replay/read-text";
import { RecordingFormatError, type RecordedTrade } from "@/lib/market/replay/recording";

/** Row layout: freqtrade DEFAULT_TRADES_COLUMNS = [timestamp_ms, id, type, side, price, amount, cost]. */
function parseRow(row: unknown, source: string, rowNumber: number): RecordedTrade {
  if (!Array.isArray(row) || row.length < 6) {
    throw new RecordingFormatError(source, rowNumber, "expected [timestamp_ms, id, type, side, price, amount, cost]");
  }
  // Indexing, not destructuring: array destructuring goes through the iterator protocol, 3x slower here.
  const ts: unknown = row[0];
  const side: unknown = row[3];
  const price: unknown = row[4];
  const amount: unknown = row[5];
  if (typeof ts !== "number" || !Number.isFinite(ts)) throw new RecordingFormatError(source, rowNumber, `timestamp must be a number, got ${JSON.stringify(ts)}`);
  if (side !== "buy" && side !== "sell") throw new RecordingFormatError(source, rowNumber, `side must be "buy" or "sell", got ${JSON.stringify(side)}`);
  if (typeof price !== "number" || !(price > 0) || !Number.isFinite(price)) {
    throw new RecordingFormatError(source, rowNumber, `price must be a positive number, got ${JSON.stringify(price)}`);
  }
  if (typeof amount !== "number" || !(amount >= 0) || !Number.isFinite(amount)) {
    throw new RecordingFormatError(source, rowNumber, `amount must be a non-negative number, got ${JSON.stringify(amount)}`);
  }
  return { ts, price, size: amount, side };
}

/** Parses an already-decoded freqtrade trades array; trades come back in time order. */
export function parseFreqtradeTrades(value: unknown, source: string): RecordedTrade[] {
  if (!Array.isArray(value)) throw new RecordingFormatError(source, null, "expected a JSON array of trade rows");
  const trades = new Array<RecordedTrade>(value.length);
  let sorted = true;
  for (let i = 0; i < value.length; i++) {
    trades[i] = parseRow(value[i], source, i + 1);
    if (i > 0 && trades[i].ts < trades[i - 1].ts) sorted = false;
  }
  // Array.prototype.sort is stable, so trades sharing a millisecond keep their recorded order.
  if (!sorted) trades.sort((a, b) => a.ts - b.ts);
  return trades;
}

/** Reads a freqtrade trades file (.json or .json.gz). */
export async function readFreqtradeTrades(file: string): Promise<RecordedTrade[]> {
  return parseFreqtradeTrades(parseJsonRecording(await readRecordingText(file), file), file);
}
