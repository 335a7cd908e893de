import type { Decimal } from "decimal.js";
import { isBuyType } from "@/lib/venues/mt5/commands";
import { dbl, dict, int, reply, str, type LiteralValue } from "./ea-literal";
import { stopLevels, stopsValid } from "./open-order";
import type { EmulatedOrder, Terminal } from "./terminal";
import type { TradeFields } from "./trade-fields";

/** MODIFY, CLOSE, CLOSE_PARTIAL, CLOSE_MAGIC and CLOSE_ALL on the emulated terminal. */

export interface CloseFaults {
  /** When set, the next market close fails with this MT code and still ends in 'SUCCESS' (duplicate keys). */
  failNextClose: string | null;
}

export function modifyOrder(terminal: Terminal, fields: TradeFields): string {
  const order = terminal.orders.get(fields.ticket);
  if (!order) return reply([["_action", str("MODIFY")], ["_response", str("NOT_FOUND")], ["_response_value", str("TICKET_NOT_FOUND")]]);
  const buy = isBuyType(order.type);
  const stops = stopLevels(order.openPrice, fields.slPoints, fields.tpPoints, terminal.symbol(order.symbol)!, buy);
  if (!stopsValid(stops, order.openPrice, buy)) return reply([["_action", str("MODIFY")], ["_response", str("130")], ["_response_value", str("invalid stops")]]);
  order.sl = stops.sl;
  order.tp = stops.tp;
  return reply([["_action", str("MODIFY")], ["_sl", dbl(order.sl ?? 0)], ["_tp", dbl(order.tp ?? 0)]]);
}

export function closeOrder(terminal: Terminal, fields: TradeFields, faults: CloseFaults): string {
  const order = terminal.orders.get(fields.ticket);
  const head: [string, LiteralValue][] = [["_action", str("CLOSE")], ["_ticket", int(fields.ticket)]];
  if (!order) return reply([...head, ["_response", str("NOT_FOUND")], ["_response_value", str("TICKET_NOT_FOUND")]]);
  if (order.type <= 1 && faults.failNextClose !== null) {
    const code = faults.failNextClose;
    faults.failNextClose = null;
    return reply([...head, ["_response", str(code)], ["_response_value", str("close failed")], ["_response_value", str("SUCCESS")]]);
  }
  return reply([...head, ...closeEntries(terminal, order), ["_response_value", str("SUCCESS")]]);
}

/** The remainder of a partially closed order lives on under a NEW ticket, as in MT4. */
export function closePartial(terminal: Terminal, fields: TradeFields): string {
  const order = terminal.orders.get(fields.ticket);
  const head: [string, LiteralValue][] = [["_action", str("CLOSE")], ["_ticket", int(fields.ticket)]];
  if (!order) return reply([...head, ["_response", str("NOT_FOUND")], ["_response_value", str("TICKET_NOT_FOUND")]]);
  const step = terminal.symbol(order.symbol)!.lotStep;
  if (order.type > 1 || !fields.lots.gt(0) || !fields.lots.lt(order.lots) || !fields.lots.mod(step).isZero()) {
    return reply([...head, ["_response", str("CLOSE_PARTIAL_FAILED")], ["_response_value", str("invalid trade volume")]]);
  }
  const closePrice = settle(terminal, order, fields.lots);
  terminal.orders.delete(order.ticket.toString());
  terminal.add({ ...order, lots: order.lots.minus(fields.lots) });
  return reply([...head, ["_close_price", dbl(closePrice)], ["_close_lots", dbl(fields.lots)], ["_response", str("CLOSE_PARTIAL")], ["_response_value", str("SUCCESS")]]);
}

export function closeAll(terminal: Terminal, magic: string | null): string {
  const orders = [...terminal.orders.values()].filter((o) => magic === null || o.magic === magic);
  if (magic === null && orders.length === 0) return reply([["_action", str("CLOSE_ALL")], ["_response", str("NOT_FOUND")]]);
  const responses = dict(
    orders.map((order) => [order.ticket.toString(), dict([["_symbol", str(order.symbol)], ...closeEntries(terminal, order)])]),
    { bareKeys: true, trailingComma: true },
  );
  if (magic === null) return reply([["_action", str("CLOSE_ALL")], ["_responses", responses], ["_response_value", str("SUCCESS")]]);
  return reply([["_action", str("CLOSE_ALL_MAGIC")], ["_magic", int(magic)], ["_responses", responses], ["_response_value", str("SUCCESS")]]);
}

/** Removes the order and describes the close: at market, or the deletion of a pending order. */
function closeEntries(terminal: Terminal, order: EmulatedOrder): [string, LiteralValue][] {
  terminal.orders.delete(order.ticket.toString());
  if (order.type > 1) return [["_response", str("CLOSE_PENDING")]];
  const closePrice = settle(terminal, order, order.lots);
  return [["_close_price", dbl(closePrice)], ["_close_lots", dbl(order.lots)], ["_response", str("CLOSE_MARKET")]];
}

/** Books the profit of closing `lots` of a market order into the balance; returns the close price. */
function settle(terminal: Terminal, order: EmulatedOrder, lots: Decimal): Decimal {
  terminal.balance = terminal.balance.plus(terminal.profit({ ...order, lots }));
  return terminal.closePrice(order);
}
