import { DEFAULT_INSTRUMENTS, type Instrument } from "@/lib/domain/instrument";

export interface SimInstrument {
  symbol: string;
  startPrice: number;
  /** Minimum price increment, e.g. "0.01" (a decimal string, like Instrument.tickSize) or 0.01. */
  tickSize: string | number;
  /** Minimum quantity increment. */
  lotSize: string | number;
  /** Long-run annualised volatility of log returns; default 0.8 (crypto-like). */
  annualVolatility?: number;
  /** Relative share of the total trade rate; default 1. */
  weight?: number;
}

export const DEFAULT_SIM_START_PRICES: Readonly<Record<string, number>> = { BTCUSDT: 65_000, ETHUSDT: 3_200, SOLUSDT: 150 };
const DEFAULT_SIM_VOLATILITY: Readonly<Record<string, number>> = { BTCUSDT: 0.6, ETHUSDT: 0.75, SOLUSDT: 1.0 };
const DEFAULT_SIM_WEIGHT: Readonly<Record<string, number>> = { BTCUSDT: 3, ETHUSDT: 2, SOLUSDT: 1 };

/** Simulator settings for known instruments; throws for a symbol with no default start price. */
export function simInstrumentsFor(instruments: readonly Instrument[] = DEFAULT_INSTRUMENTS): SimInstrument[] {
  return instruments.map((instrument) => {
    const startPrice = DEFAULT_SIM_START_PRICES[instrument.symbol];
    if (startPrice === undefined) throw new Error(`No default simulator start price for ${instrument.symbol}`);
    return {
      symbol: instrument.symbol,
      startPrice,
      tickSize: instrument.tickSize,
      lotSize: instrument.lotSize,
      annualVolatility: DEFAULT_SIM_VOLATILITY[instrument.symbol],
      weight: DEFAULT_SIM_WEIGHT[instrument.symbol],
    };
  });
}

/** Number of decimals an increment like "0.010", 0.25 or 1e-7 needs to print exactly. */
export function incrementDecimals(increment: string | number): number {
  const text = typeof increment === "number" ? increment.toString() : increment.trim();
  const exponent = /e-(\d+)$/i.exec(text);
  if (exponent) {
    const mantissaDecimals = (text.split(/e/i)[0].split(".")[1] ?? "").length;
    return Number(exponent[1]) + mantissaDecimals;
  }
  return (text.split(".")[1] ?? "").replace(/0+$/, "").length;
}
