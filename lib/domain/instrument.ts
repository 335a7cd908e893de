export interface Instrument {
  symbol: string;
  baseAsset: string;
  quoteAsset: string;
  /** Minimum price increment, as a decimal string. */
  tickSize: string;
  /** Minimum quantity increment, as a decimal string. */
  lotSize: string;
  minQty: string;
  venue: string;
}

export function priceDecimals(instrument: Pick<Instrument, "tickSize">): number {
  const [, fraction = ""] = instrument.tickSize.split(".");
  return fraction.replace(/0+$/, "").length;
}

export const DEFAULT_INSTRUMENTS: readonly Instrument[] = [
  { symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", tickSize: "0.1", lotSize: "0.0001", minQty: "0.0001", venue: "paper" },
  { symbol: "ETHUSDT", baseAsset: "ETH", quoteAsset: "USDT", tickSize: "0.01", lotSize: "0.001", minQty: "0.001", venue: "paper" },
  { symbol: "SOLUSDT", baseAsset: "SOL", quoteAsset: "USDT", tickSize: "0.01", lotSize: "0.01", minQty: "0.01", venue: "paper" },
];
