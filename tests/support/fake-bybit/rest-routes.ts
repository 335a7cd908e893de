import { FakeAccount, FakeBybitError, isOpen, orderRow, type FakeOrder, type Row } from "./account";
import type { FakeMarket } from "./market";

export const PUBLIC_PATHS = new Set(["/v5/market/time", "/v5/market/instruments-info"]);

export interface RouteContext {
  account: FakeAccount;
  market: FakeMarket;
  now: number;
  /** How long a closed order still shows in /v5/order/realtime. */
  realtimeRetentionMs: number;
}

type Handler = (query: URLSearchParams, body: Row, ctx: RouteContext) => unknown;

const requireLinear = (query: URLSearchParams) => {
  if (query.get("category") !== "linear") throw new FakeBybitError(10001, "params error: category");
};

/** Newest first, `limit` per page, the cursor is the offset. */
function page(rows: Row[], query: URLSearchParams, defaultLimit: number, maxLimit: number): Row {
  const limit = Math.min(Number(query.get("limit") ?? defaultLimit) || defaultLimit, maxLimit);
  const offset = Number(query.get("cursor") ?? 0) || 0;
  const next = offset + limit < rows.length ? String(offset + limit) : "";
  return { category: "linear", list: rows.slice(offset, offset + limit), nextPageCursor: next };
}

function matchesOrder(order: FakeOrder, query: URLSearchParams, ctx: RouteContext): boolean {
  const symbol = query.get("symbol");
  const settleCoin = query.get("settleCoin");
  if (symbol && order.symbol !== symbol) return false;
  if (settleCoin && ctx.market.instrument(order.symbol)?.quoteCoin !== settleCoin) return false;
  if (query.get("orderLinkId") && order.orderLinkId !== query.get("orderLinkId")) return false;
  return !query.get("orderId") || order.orderId === query.get("orderId");
}

function realtimeOrders(query: URLSearchParams, _body: Row, ctx: RouteContext): Row {
  requireLinear(query);
  if (!query.get("symbol") && !query.get("settleCoin") && !query.get("baseCoin")) throw new FakeBybitError(10001, "params error: symbol, settleCoin or baseCoin required");
  const byId = Boolean(query.get("orderLinkId") || query.get("orderId"));
  const recent = (o: FakeOrder) => isOpen(o) || (byId && o.closedAt !== null && ctx.now - o.closedAt < ctx.realtimeRetentionMs);
  const rows = ctx.account.orders.filter((o) => matchesOrder(o, query, ctx) && recent(o)).reverse().map(orderRow);
  return page(rows, query, 20, 50);
}

function orderHistory(query: URLSearchParams, _body: Row, ctx: RouteContext): Row {
  requireLinear(query);
  const rows = ctx.account.orders.filter((o) => !isOpen(o) && matchesOrder(o, query, ctx)).reverse().map(orderRow);
  return page(rows, query, 20, 50);
}

function executionList(query: URLSearchParams, _body: Row, ctx: RouteContext): Row {
  requireLinear(query);
  const start = Number(query.get("startTime") ?? 0);
  const end = Number(query.get("endTime") ?? ctx.now);
  const rows = ctx.account.executions.filter((e) => {
    const ts = Number(e.execTime);
    return ts >= start && ts <= end && (!query.get("symbol") || e.symbol === query.get("symbol")) && (!query.get("orderLinkId") || e.orderLinkId === query.get("orderLinkId"));
  });
  return page([...rows].reverse(), query, 50, 100);
}

function positionList(query: URLSearchParams, _body: Row, ctx: RouteContext): Row {
  requireLinear(query);
  const symbol = query.get("symbol");
  const settleCoin = query.get("settleCoin");
  if (!symbol && !settleCoin) throw new FakeBybitError(10001, "params error: symbol or settleCoin required");
  const symbols = ctx.account.positions.symbols().filter((s) => (!symbol || s === symbol) && (!settleCoin || ctx.market.instrument(s)?.quoteCoin === settleCoin));
  return page(symbols.map((s) => ctx.account.positionRow(s)), query, 20, 200);
}

const idResult = (order: FakeOrder) => ({ orderId: order.orderId, orderLinkId: order.orderLinkId });

export const ROUTES: Record<string, Handler> = {
  "GET /v5/market/time": (_q, _b, ctx) => ({ timeSecond: String(Math.floor(ctx.now / 1000)), timeNano: `${ctx.now}000000` }),
  "GET /v5/market/instruments-info": (query, _b, ctx) => {
    requireLinear(query);
    const row = ctx.market.instrumentRow(query.get("symbol") ?? "");
    return { category: "linear", list: row ? [row] : [], nextPageCursor: "" };
  },
  "POST /v5/order/create": (_q, body, ctx) => idResult(ctx.account.create(body)),
  "POST /v5/order/cancel": (_q, body, ctx) => idResult(ctx.account.cancel(body)),
  "POST /v5/order/amend": (_q, body, ctx) => idResult(ctx.account.amend(body)),
  "GET /v5/order/realtime": realtimeOrders,
  "GET /v5/order/history": orderHistory,
  "GET /v5/execution/list": executionList,
  "GET /v5/position/list": positionList,
  "GET /v5/account/wallet-balance": (query) => {
    if (query.get("accountType") !== "UNIFIED") throw new FakeBybitError(10001, "params error: accountType");
    return { list: [{ accountType: "UNIFIED", totalEquity: "100000", coin: [{ coin: "USDT", equity: "100000", walletBalance: "100000" }] }] };
  },
};
