import { Decimal } from "decimal.js";
import { isBuyType, pointsToPrice } from "@/lib/venues/mt5/commands";
import { dbl, int, reply, str } from "./ea-literal";
import type { EmulatedOrder, SymbolInfo, Terminal } from "./terminal";
import type { TradeFields } from "./trade-fields";
import { serverTime } from "./server-time";

/** OPEN: the EA's checks in its order (lot size, order count), then MT's own (volume, price, stops). */
export function openOrder(terminal: Terminal, fields: TradeFields): string {
  const info = terminal.symbol(fields.symbol);
  const quote = terminal.quote(fields.symbol);
  if (!info || !quote) return openError("4106", "unknown symbol");
  if (fields.lots.gt(terminal.settings.maxLotSize)) return openError("LOT_SIZE_ERROR", "MAX_LOT_SIZE_EXCEEDED");
  if (terminal.orders.size >= terminal.settings.maxOrders) return openError("NUM_ORDERS_ERROR", "MAX_NUMBER_OF_ORDERS_EXCEEDED");
  if (!fields.lots.gt(0) || !fields.lots.mod(info.lotStep).isZero()) return openError("131", "invalid trade volume");
  const buy = isBuyType(fields.type);
  const openPrice = fields.type <= 1 ? (buy ? quote.ask : quote.bid) : fields.price.toDecimalPlaces(info.digits);
  if (!openPrice.gt(0)) return openError("129", "invalid price");
  const stops = stopLevels(openPrice, fields.slPoints, fields.tpPoints, info, buy);
  if (!pendingPriceValid(fields.type, openPrice, quote) || !stopsValid(stops, openPrice, buy)) return openError("130", "invalid stops");
  const order = terminal.add({
    symbol: fields.symbol, type: fields.type, lots: fields.lots, openPrice, openTime: terminal.now(),
    sl: stops.sl, tp: stops.tp, magic: fields.magic, comment: fields.comment,
  });
  return executionReply(order);
}

export interface StopLevels {
  sl: Decimal | null;
  tp: Decimal | null;
}

/** SL/TP travel as points from the open price; 0 means none. */
export function stopLevels(open: Decimal, slPoints: Decimal, tpPoints: Decimal, info: SymbolInfo, buy: boolean): StopLevels {
  const side = buy ? "buy" : "sell";
  const at = (points: Decimal, leg: "sl" | "tp") =>
    points.isZero() ? null : new Decimal(pointsToPrice(open, points.toFixed(), info.point, side, leg)).toDecimalPlaces(info.digits);
  return { sl: at(slPoints, "sl"), tp: at(tpPoints, "tp") };
}

export function stopsValid({ sl, tp }: StopLevels, open: Decimal, buy: boolean): boolean {
  const below = (level: Decimal | null) => level === null || level.lt(open);
  const above = (level: Decimal | null) => level === null || level.gt(open);
  return buy ? below(sl) && above(tp) : above(sl) && below(tp);
}

function pendingPriceValid(type: number, price: Decimal, { bid, ask }: { bid: Decimal; ask: Decimal }): boolean {
  if (type === 2) return price.lt(ask);
  if (type === 3) return price.gt(bid);
  if (type === 4) return price.gt(ask);
  if (type === 5) return price.lt(bid);
  return true;
}

function executionReply(order: EmulatedOrder): string {
  return reply([
    ["_action", str("EXECUTION")], ["_symbol", str(order.symbol)], ["_magic", int(order.magic)], ["_ticket", int(order.ticket)],
    ["_open_time", str(serverTime(order.openTime))], ["_open_price", dbl(order.openPrice)],
    ["_sl", dbl(order.sl ?? 0)], ["_tp", dbl(order.tp ?? 0)],
  ]);
}

/** OPEN errors are the one place the EA writes `response_value` without the underscore. */
function openError(code: string, text: string): string {
  return reply([["_action", str("EXECUTION")], ["_response", str(code)], ["response_value", str(text)]]);
}
