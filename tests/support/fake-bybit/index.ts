import { Decimal } from "decimal.js";
import type { FakeOrder, Row } from "./account";
import { DEFAULT_FAKE_INSTRUMENTS, FakeMarket, type FakeInstrument } from "./market";
import { FakeBybitServer, type LoggedRequest } from "./server";
import type { FakeCredentials } from "./signature-check";

export type { FakeOrder, Row } from "./account";
export type { FakeInstrument } from "./market";
export type { LoggedRequest } from "./server";

export interface FakeBybitOptions {
  /** Default: one generated key pair. The first is the account the controls act on. */
  credentials?: FakeCredentials[];
  instruments?: readonly FakeInstrument[];
  /** Mark prices: market orders fill here. Default BTCUSDT 60000.0, ETHUSDT 3000.00. */
  markPrices?: Record<string, string>;
  /** Requests per second per endpoint and key before 10006; a number for all, or per path. Default 100. */
  endpointLimit?: number | Record<string, number>;
  /** Reset delay announced with a forced 10006. Default 200 ms. */
  tooManyVisitsResetMs?: number;
  /** How long closed orders stay in /v5/order/realtime. Default 10 minutes. */
  realtimeRetentionMs?: number;
  now?: () => number;
}

export interface FakeBybit {
  restUrl: string;
  privateWsUrl: string;
  apiKey: string;
  apiSecret: string;
  close(): Promise<void>;
  setMarkPrice(symbol: string, price: string): void;
  /** A trade print: crossed resting limit orders fill (up to maxQty in all, for partial fills). */
  trade(symbol: string, price: string, maxQty?: string): void;
  /** The next request to `path` is processed, then its reply waits `ms`. */
  delayNext(path: string, ms: number): void;
  /** The next request to `path` is processed, then the connection is cut without a reply. */
  acceptThenDrop(path: string): void;
  /** The next request to `path` is cut before it is processed. */
  dropBeforeProcessing(path: string): void;
  /** The next n HTTP requests get HTTP 403 (IP ban). */
  respond403(n: number): void;
  /** The next n signed requests get retCode 10006 with an exhausted limit. */
  respond10006(n: number): void;
  /** Cuts every private-stream connection (clients reconnect). */
  dropPrivateStream(): void;
  /** While false, private-stream connections are refused (an outage). */
  acceptPrivateStream(accept: boolean): void;
  privateConnections(): number;
  placeManualOrder(order: { symbol: string; side: "Buy" | "Sell"; orderType: "Market" | "Limit"; qty: string; price?: string }): FakeOrder;
  /** Signed quantity: negative is short. */
  setPosition(symbol: string, qty: string, avgPrice?: string): void;
  /** Called after an order is stored and before the reply is written; the reply waits for it. */
  onOrderAccepted(callback: ((order: FakeOrder) => void | Promise<void>) | null): void;
  orders(): FakeOrder[];
  executions(): Row[];
  positions(): Row[];
  requests(): LoggedRequest[];
}

/** A local Bybit v5 (REST + private stream) on port 0 for tests; see README "fake Bybit". */
export async function startFakeBybit(options: FakeBybitOptions = {}): Promise<FakeBybit> {
  const now = options.now ?? Date.now;
  const credentials = options.credentials ?? [{ apiKey: `fake-key-${Math.random().toString(36).slice(2, 10)}`, apiSecret: `fake-secret-${Math.random().toString(36).slice(2)}` }];
  const market = new FakeMarket(options.instruments ?? DEFAULT_FAKE_INSTRUMENTS, options.markPrices ?? { BTCUSDT: "60000.0", ETHUSDT: "3000.00" });
  const limit = options.endpointLimit ?? 100;
  const server = new FakeBybitServer({
    secrets: new Map(credentials.map((c) => [c.apiKey, c.apiSecret])),
    market, now,
    endpointLimit: (path) => (typeof limit === "number" ? limit : (limit[path] ?? 100)),
    tooManyVisitsResetMs: options.tooManyVisitsResetMs ?? 200,
    realtimeRetentionMs: options.realtimeRetentionMs ?? 10 * 60_000,
  });
  const port = await server.listen();
  const { apiKey, apiSecret } = credentials[0];
  const account = server.accounts.get(apiKey)!;
  return {
    restUrl: `http://127.0.0.1:${port}`,
    privateWsUrl: `ws://127.0.0.1:${port}/v5/private`,
    apiKey, apiSecret,
    close: () => server.close(),
    setMarkPrice: (symbol, price) => market.setMark(symbol, price),
    trade: (symbol, price, maxQty) => account.trade(symbol, price, maxQty),
    delayNext: (path, ms) => server.faults.arm(path, { kind: "delay", ms }),
    acceptThenDrop: (path) => server.faults.arm(path, { kind: "acceptThenDrop" }),
    dropBeforeProcessing: (path) => server.faults.arm(path, { kind: "dropBeforeProcessing" }),
    respond403: (n) => void (server.faults.forbiddenLeft = n),
    respond10006: (n) => void (server.faults.tooManyVisitsLeft = n),
    dropPrivateStream: () => server.stream.dropAll(),
    acceptPrivateStream: (accept) => void (server.stream.accepting = accept),
    privateConnections: () => server.stream.connections(),
    placeManualOrder: (order) => account.placeManual(order),
    setPosition: (symbol, qty, avgPrice) => {
      account.positions.set(symbol, qty, avgPrice ?? (new Decimal(qty).isZero() ? "0" : (market.mark(symbol) ?? "0")), now());
      server.stream.push(apiKey, "position", account.positionRow(symbol));
    },
    onOrderAccepted: (callback) => void (server.orderAccepted = callback),
    orders: () => [...account.orders],
    executions: () => [...account.executions],
    positions: () => account.positions.symbols().map((s) => account.positionRow(s)),
    requests: () => [...server.log],
  };
}
