import { Decimal } from "decimal.js";
import type { Config } from "@/lib/config";
import type { Instrument } from "@/lib/domain/instrument";
import type { VenueOrder } from "@/lib/execution/live-venue";
import { isBuyType } from "./commands";
import type { OpenTrade } from "./replies";

/** A symbol's price digits and lot step, as MT trades it (not on the wire: from MT5_SYMBOL_SPECS). */
export interface SymbolSpec {
  digits: number;
  lotStep: string;
}

/** An MT order as the venue reports it: a pending type is a resting order, a market type a filled one. */
export function tradeToVenueOrder(trade: OpenTrade, clientOrderId: string | null): VenueOrder {
  const pending = trade.type >= 2;
  return {
    venueOrderId: trade.ticket, clientOrderId, symbol: trade.symbol, side: isBuyType(trade.type) ? "BUY" : "SELL", type: pending ? "LIMIT" : "MARKET",
    quantity: trade.lots, price: pending ? trade.openPrice : null, status: pending ? "ACCEPTED" : "FILLED",
    filledQuantity: pending ? "0" : trade.lots, averageFillPrice: pending ? null : trade.openPrice, rejectReason: null, updatedAt: Date.now(),
  };
}

/** MT5_SYMBOL_SPECS ("EURUSD:5:0.01,XAUUSD:2:0.01") as a lookup; unlisted symbols trade 5 digits and 0.01 lots. */
export function symbolSpecs(spec: string): (symbol: string) => SymbolSpec {
  const table = new Map(spec.split(",").filter(Boolean).map((entry) => {
    const [symbol, digits, lotStep] = entry.split(":");
    return [symbol!, { digits: Number(digits), lotStep: lotStep! }] as const;
  }));
  return (symbol) => table.get(symbol) ?? { digits: 5, lotStep: "0.01" };
}

/** MT5_SYMBOLS as instruments on their MT grid (tick = one point at the symbol's digits). */
export function mt5Instruments(config: Pick<Config, "MT5_SYMBOLS" | "MT5_SYMBOL_SPECS">): Instrument[] {
  const spec = symbolSpecs(config.MT5_SYMBOL_SPECS);
  return config.MT5_SYMBOLS.map((symbol) => {
    const { digits, lotStep } = spec(symbol);
    const tickSize = new Decimal(1).div(new Decimal(10).pow(digits)).toFixed();
    return { symbol, baseAsset: symbol.slice(0, 3), quoteAsset: symbol.slice(3, 6) || symbol, tickSize, lotSize: lotStep, minQty: lotStep, venue: "mt5" };
  });
}
