import { randomUUID } from "node:crypto";
import { Decimal } from "decimal.js";
import { FakeMarket, onGrid, onStep } from "./market";
import { FakePositions } from "./positions";

export type Row = Record<string, unknown>;
export type AccountTopic = "order" | "execution" | "position";

export interface FakeOrder {
  orderId: string;
  orderLinkId: string;
  symbol: string;
  side: "Buy" | "Sell";
  orderType: "Market" | "Limit";
  price: string;
  qty: string;
  timeInForce: string;
  orderStatus: string;
  cumExecQty: string;
  avgPrice: string;
  rejectReason: string;
  createdTime: number;
  updatedTime: number;
  /** When it stopped being open; Bybit keeps such orders in /v5/order/realtime for a while. */
  closedAt: number | null;
}

/** A Bybit answer other than success. */
export class FakeBybitError extends Error {
  constructor(readonly retCode: number, readonly retMsg: string) {
    super(retMsg);
  }
}

const TAKER_FEE = "0.00055";
const MAKER_FEE = "0.0002";
const LINK_ID = /^[A-Za-z0-9_-]{1,36}$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const OPEN = new Set(["New", "PartiallyFilled"]);

export const isOpen = (order: FakeOrder) => OPEN.has(order.orderStatus);

const paramsError = (what: string) => new FakeBybitError(10001, `params error: ${what}`);

/** One API key's account: orders (orderLinkId unique), fills at the mark or on trades, executions and positions. */
export class FakeAccount {
  readonly orders: FakeOrder[] = [];
  readonly executions: Row[] = [];
  readonly positions = new FakePositions();

  constructor(private readonly market: FakeMarket, private readonly now: () => number, private readonly emit: (topic: AccountTopic, row: Row) => void) {}

  create(params: Row): FakeOrder {
    const order = this.validatedOrder(params);
    this.orders.push(order);
    this.emit("order", orderRow(order));
    this.matchOnArrival(order);
    return order;
  }

  /** An order typed into Bybit's own UI: it has no orderLinkId. */
  placeManual(params: { symbol: string; side: "Buy" | "Sell"; orderType: "Market" | "Limit"; qty: string; price?: string }): FakeOrder {
    return this.create({ category: "linear", ...params, orderLinkId: "" });
  }

  cancel(params: Row): FakeOrder {
    const order = this.openOrder(params);
    order.orderStatus = new Decimal(order.cumExecQty).isZero() ? "Cancelled" : "PartiallyFilledCanceled";
    this.close(order);
    return order;
  }

  amend(params: Row): FakeOrder {
    const order = this.openOrder(params);
    const instrument = this.market.instrument(order.symbol)!;
    const { qty, price } = params;
    if (qty === undefined && price === undefined) throw paramsError("nothing to amend");
    if (qty !== undefined && (typeof qty !== "string" || !DECIMAL.test(qty) || !onStep(qty, instrument.qtyStep) || new Decimal(qty).lte(order.cumExecQty))) throw paramsError("qty");
    if (price !== undefined && (order.orderType !== "Limit" || typeof price !== "string" || !DECIMAL.test(price) || !onStep(price, instrument.tickSize))) throw paramsError("price");
    if (typeof qty === "string") order.qty = qty;
    if (typeof price === "string") order.price = price;
    order.updatedTime = this.now();
    this.emit("order", orderRow(order));
    return order;
  }

  /** A print at `price`: resting limit orders it crosses fill at their own price, oldest first, up to maxQty in all. */
  trade(symbol: string, price: string, maxQty?: string): void {
    this.market.setMark(symbol, price);
    let budget = maxQty === undefined ? null : new Decimal(maxQty);
    for (const order of this.orders.filter((o) => o.symbol === symbol && o.orderType === "Limit" && isOpen(o) && crosses(o, price))) {
      if (budget !== null && budget.lte(0)) break;
      const leaves = new Decimal(order.qty).minus(order.cumExecQty);
      const qty = budget === null ? leaves : Decimal.min(leaves, budget);
      if (budget !== null) budget = budget.minus(qty);
      this.fill(order, onGrid(qty, this.market.instrument(symbol)!.qtyStep), order.price, true);
    }
  }

  /** Bybit's position/list row for the symbol. */
  positionRow(symbol: string): Row {
    return this.positions.row(symbol, this.market.mark(symbol), this.market.instrument(symbol) ?? { qtyStep: "1", tickSize: "1" });
  }

  private matchOnArrival(order: FakeOrder): void {
    const mark = this.market.mark(order.symbol);
    if (order.orderType === "Market" || (mark !== undefined && crosses(order, mark))) {
      this.fill(order, order.qty, mark!, false);
    } else if (order.timeInForce === "IOC") {
      order.orderStatus = "Cancelled";
      this.close(order);
    }
  }

  private fill(order: FakeOrder, qty: string, price: string, isMaker: boolean): void {
    const now = this.now();
    const instrument = this.market.instrument(order.symbol)!;
    const before = new Decimal(order.cumExecQty);
    const cum = before.plus(qty);
    order.avgPrice = onGrid(before.mul(order.avgPrice || 0).plus(new Decimal(qty).mul(price)).div(cum), instrument.tickSize);
    order.cumExecQty = onGrid(cum, instrument.qtyStep);
    order.orderStatus = cum.gte(order.qty) ? "Filled" : "PartiallyFilled";
    order.updatedTime = now;
    if (order.orderStatus === "Filled") order.closedAt = now;
    const value = new Decimal(qty).mul(price);
    const execution: Row = {
      category: "linear", symbol: order.symbol, execId: randomUUID(), orderId: order.orderId, orderLinkId: order.orderLinkId, side: order.side,
      orderType: order.orderType, orderPrice: order.price, orderQty: order.qty, leavesQty: onGrid(new Decimal(order.qty).minus(cum), instrument.qtyStep),
      execQty: qty, execPrice: price, execValue: value.toFixed(), execFee: value.mul(isMaker ? MAKER_FEE : TAKER_FEE).toFixed(),
      feeRate: isMaker ? MAKER_FEE : TAKER_FEE, execType: "Trade", isMaker, execTime: String(now),
    };
    this.executions.push(execution);
    this.positions.apply(order.symbol, order.side, qty, price, now);
    this.emit("execution", execution);
    this.emit("order", orderRow(order));
    this.emit("position", this.positionRow(order.symbol));
  }

  private close(order: FakeOrder): void {
    order.updatedTime = this.now();
    order.closedAt = order.updatedTime;
    this.emit("order", orderRow(order));
  }

  private openOrder(params: Row): FakeOrder {
    const order = this.orders.find((o) => o.symbol === params.symbol && ((params.orderLinkId && o.orderLinkId === params.orderLinkId) || (params.orderId && o.orderId === params.orderId)));
    if (!order || !isOpen(order)) throw new FakeBybitError(110001, "Order does not exist.");
    return order;
  }

  private validatedOrder(params: Row): FakeOrder {
    const { category, symbol, side, orderType, qty, price, timeInForce, orderLinkId = "" } = params;
    if (category !== "linear") throw paramsError("category");
    const instrument = typeof symbol === "string" ? this.market.instrument(symbol) : undefined;
    if (!instrument) throw paramsError("symbol invalid");
    if (side !== "Buy" && side !== "Sell") throw paramsError("side");
    if (orderType !== "Market" && orderType !== "Limit") throw paramsError("orderType");
    if (typeof qty !== "string" || !DECIMAL.test(qty) || new Decimal(qty).lt(instrument.minOrderQty) || !onStep(qty, instrument.qtyStep)) throw paramsError("qty");
    if (orderType === "Limit" && (typeof price !== "string" || !DECIMAL.test(price) || new Decimal(price).lte(0) || !onStep(price, instrument.tickSize))) throw paramsError("price");
    if (orderType === "Market" && this.market.mark(instrument.symbol) === undefined) throw paramsError("no market to fill against");
    if (typeof orderLinkId !== "string" || (orderLinkId !== "" && !LINK_ID.test(orderLinkId))) throw paramsError("orderLinkId");
    if (orderLinkId !== "" && this.orders.some((o) => o.orderLinkId === orderLinkId)) throw new FakeBybitError(110072, "OrderLinkedID is duplicate");
    const now = this.now();
    return {
      orderId: randomUUID(), orderLinkId, symbol: instrument.symbol, side, orderType, price: orderType === "Limit" ? (price as string) : "0", qty,
      timeInForce: typeof timeInForce === "string" ? timeInForce : orderType === "Market" ? "IOC" : "GTC",
      orderStatus: "New", cumExecQty: "0", avgPrice: "", rejectReason: "EC_NoError", createdTime: now, updatedTime: now, closedAt: null,
    };
  }
}

function crosses(order: FakeOrder, price: string): boolean {
  if (order.orderType !== "Limit") return false;
  return order.side === "Buy" ? new Decimal(order.price).gte(price) : new Decimal(order.price).lte(price);
}

/** The order as Bybit lists it (REST) and pushes it (private stream). */
export function orderRow(order: FakeOrder): Row {
  return {
    category: "linear", orderId: order.orderId, orderLinkId: order.orderLinkId, symbol: order.symbol, side: order.side, orderType: order.orderType,
    price: order.price, qty: order.qty, timeInForce: order.timeInForce, orderStatus: order.orderStatus, cumExecQty: order.cumExecQty,
    leavesQty: isOpen(order) ? new Decimal(order.qty).minus(order.cumExecQty).toFixed() : "0", avgPrice: order.avgPrice, rejectReason: order.rejectReason,
    createdTime: String(order.createdTime), updatedTime: String(order.updatedTime),
  };
}
