import type { AggressorSide, Ohlcv } from "@/lib/domain/market-data";

/** One recorded trade print, before a feed gives it a symbol and sequence number. */
export interface RecordedTrade {
  /** Unix ms, UTC. */
  ts: number;
  price: number;
  size: number;
  side: AggressorSide;
}

/** One recorded OHLCV candle. */
export type RecordedBar = Ohlcv;

export type Recording = { kind: "trades"; trades: RecordedTrade[] } | { kind: "bars"; bars: RecordedBar[]; intervalMs: number };

/** Errors name the file and the 1-based row (or line, for text formats) so bad data can be found. */
export class RecordingFormatError extends Error {
  constructor(source: string, row: number | null, detail: string) {
    super(row === null ? `${source}: ${detail}` : `${source}: row ${row}: ${detail}`);
    this.name = "RecordingFormatError";
  }
}
