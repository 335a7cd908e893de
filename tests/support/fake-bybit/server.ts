import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeAccount, FakeBybitError, type FakeOrder, type Row } from "./account";
import { FakeEndpointLimits, type LimitHeaders } from "./endpoint-limits";
import { FakeFaults } from "./faults";
import type { FakeMarket } from "./market";
import { FakePrivateStream } from "./private-ws";
import { PUBLIC_PATHS, ROUTES } from "./rest-routes";
import { checkRestSignature } from "./signature-check";

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  body: string;
  apiKey: string | null;
  at: number;
  /** HTTP status, or "dropped" when the connection was cut. */
  status: number | "dropped";
  retCode: number | null;
}

export interface FakeServerSettings {
  secrets: ReadonlyMap<string, string>;
  market: FakeMarket;
  now: () => number;
  endpointLimit: (path: string) => number;
  tooManyVisitsResetMs: number;
  realtimeRetentionMs: number;
}

/** Bybit v5 over node:http: signature check, per-endpoint limits, routes, one-shot faults and the private stream. */
export class FakeBybitServer {
  readonly faults = new FakeFaults();
  readonly accounts = new Map<string, FakeAccount>();
  readonly stream: FakePrivateStream;
  readonly log: LoggedRequest[] = [];
  orderAccepted: ((order: FakeOrder) => void | Promise<void>) | null = null;
  private readonly http: Server;
  private readonly limits: FakeEndpointLimits;

  constructor(private readonly settings: FakeServerSettings) {
    this.stream = new FakePrivateStream(settings.secrets, settings.now);
    this.limits = new FakeEndpointLimits(settings.endpointLimit, settings.now);
    for (const apiKey of settings.secrets.keys()) {
      this.accounts.set(apiKey, new FakeAccount(settings.market, settings.now, (topic, row) => this.stream.push(apiKey, topic, row)));
    }
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      });
    });
    this.http.on("upgrade", (req, socket, head) => this.stream.handleUpgrade(req, socket, head));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    return (this.http.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await this.stream.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const body = await readBody(req);
    const entry: LoggedRequest = { method: req.method ?? "GET", path: url.pathname, query: url.search.slice(1), body, apiKey: null, at: this.settings.now(), status: 200, retCode: null };
    this.log.push(entry);
    if (this.faults.takeForbidden()) return void reply(res, entry, 403, null, {});
    if (this.faults.take(url.pathname, "dropBeforeProcessing")) return drop(req, entry);
    const route = ROUTES[`${entry.method} ${url.pathname}`];
    if (!route) return void reply(res, entry, 404, null, {});
    let headers: Partial<LimitHeaders> = {};
    let account: FakeAccount | null = null;
    if (!PUBLIC_PATHS.has(url.pathname)) {
      const verdict = checkRestSignature(req.headers, entry.method === "GET" ? entry.query : body, this.settings.secrets, this.settings.now());
      if (!verdict.ok) return void reply(res, entry, 200, envelope(verdict.retCode, verdict.retMsg, {}, this.settings.now()), {});
      entry.apiKey = verdict.apiKey;
      account = this.accounts.get(verdict.apiKey)!;
      const refused = this.rateLimit(verdict.apiKey, url.pathname);
      headers = refused.headers;
      if (refused.tooMany) return void reply(res, entry, 200, envelope(10006, "Too many visits!", {}, this.settings.now()), headers);
    }
    const answer = this.run(route, url.searchParams, body, account);
    if (entry.path === "/v5/order/create" && answer.retCode === 0 && this.orderAccepted) await this.orderAccepted(lastOrder(account!));
    if (this.faults.take(url.pathname, "acceptThenDrop")) return drop(req, entry);
    const delay = this.faults.take(url.pathname, "delay");
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    reply(res, entry, 200, answer, headers);
  }

  private rateLimit(apiKey: string, path: string): { tooMany: boolean; headers: LimitHeaders } {
    if (this.faults.takeTooManyVisits()) return { tooMany: true, headers: this.limits.exhausted(path, this.settings.now() + this.settings.tooManyVisitsResetMs) };
    const counted = this.limits.count(apiKey, path);
    return { tooMany: counted.exceeded, headers: counted.headers };
  }

  private run(route: (typeof ROUTES)[string], query: URLSearchParams, body: string, account: FakeAccount | null): Row & { retCode: number } {
    const now = this.settings.now();
    try {
      const parsed = body ? (JSON.parse(body) as Row) : {};
      const ctx = { account: account!, market: this.settings.market, now, realtimeRetentionMs: this.settings.realtimeRetentionMs };
      return envelope(0, "OK", route(query, parsed, ctx), now);
    } catch (error) {
      if (error instanceof FakeBybitError) return envelope(error.retCode, error.retMsg, {}, now);
      if (error instanceof SyntaxError) return envelope(10001, "params error: body is not JSON", {}, now);
      throw error;
    }
  }
}

function envelope(retCode: number, retMsg: string, result: unknown, time: number): Row & { retCode: number } {
  return { retCode, retMsg, result, retExtInfo: {}, time };
}

function lastOrder(account: FakeAccount): FakeOrder {
  return account.orders[account.orders.length - 1];
}

function reply(res: ServerResponse, entry: LoggedRequest, status: number, body: (Row & { retCode: number }) | null, headers: Partial<LimitHeaders>): void {
  entry.status = status;
  entry.retCode = body?.retCode ?? null;
  if (res.destroyed) return;
  res.writeHead(status, { "Content-Type": body ? "application/json" : "text/plain", ...headers });
  res.end(body ? JSON.stringify(body) : status === 403 ? "403 Forbidden: access too frequent" : "Not Found");
}

function drop(req: IncomingMessage, entry: LoggedRequest): void {
  entry.status = "dropped";
  req.socket.destroy();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
