import type { TickerUpdate } from "./public-messages";

export interface BybitTicker {
  symbol: string;
  /** Exchange time of the last update, Unix ms. */
  ts: number;
  /** False until a snapshot arrived: fields a delta did not carry are then unknown, not unchanged. */
  complete: boolean;
  /** Every field as the exact string Bybit sent (lastPrice, markPrice, bid1Price, fundingRate...). */
  fields: Readonly<Record<string, string>>;
}

/** The latest ticker per symbol: a snapshot replaces it, a delta carries only the fields that changed and is merged in. */
export class TickerState {
  private readonly tickers = new Map<string, BybitTicker>();

  apply(update: TickerUpdate): void {
    const previous = this.tickers.get(update.symbol);
    if (update.type === "snapshot" || !previous) {
      this.tickers.set(update.symbol, { symbol: update.symbol, ts: update.ts, complete: update.type === "snapshot", fields: { ...update.fields } });
      return;
    }
    this.tickers.set(update.symbol, { ...previous, ts: update.ts, fields: { ...previous.fields, ...update.fields } });
  }

  get(symbol: string): BybitTicker | null {
    return this.tickers.get(symbol) ?? null;
  }

  /** After a reconnect the next snapshot is the truth; until then what is held may be out of date. */
  markIncomplete(): void {
    for (const [symbol, ticker] of this.tickers) this.tickers.set(symbol, { ...ticker, complete: false });
  }
}
