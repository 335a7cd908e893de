import { inferTickSize } from "@/lib/backtest/cli/run-cli";
import type { BacktestSizing } from "@/lib/backtest/types";
import type { Instrument } from "@/lib/domain/instrument";
import { dec } from "@/lib/domain/money";
import type { RecordedBar } from "@/lib/market/replay/recording";

/** Finest lot offered when one whole unit costs more than the account: 1e-8, a satoshi. */
const FINEST_LOT_DECIMALS = 8;

function decimalsOf(text: string): number {
  const [, fraction = ""] = text.split(".");
  return fraction.replace(/0+$/, "").length;
}

/**
 * Whole units (as backtesting.py) unless the data needs fractions: when the highest price is above the cash, the
 * lot is cut so at least ~100 lots are affordable there; a fixed quantity with decimals sets the lot it needs.
 */
export function inferLotSize(bars: readonly RecordedBar[], cash: string, sizing: BacktestSizing): string {
  let decimals = 0;
  const highest = bars.reduce((max, b) => Math.max(max, b.high), 0);
  if (highest > Number(cash)) decimals = Math.min(FINEST_LOT_DECIMALS, 2 - Math.floor(Math.log10(Number(cash) / highest)));
  if (sizing.kind === "fixed") decimals = Math.max(decimals, decimalsOf(sizing.quantity));
  return decimals === 0 ? "1" : dec(10).pow(-decimals).toFixed();
}

/** The instrument a backtest trades: tick size from the prices (as the CLI), lot size from the prices and cash. */
export function backtestInstrument(symbol: string, bars: readonly RecordedBar[], cash: string, sizing: BacktestSizing): Instrument {
  const lotSize = inferLotSize(bars, cash, sizing);
  return { symbol, baseAsset: symbol, quoteAsset: "QUOTE", tickSize: inferTickSize(bars), lotSize, minQty: lotSize, venue: "backtest" };
}
