import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { ApiError, HealthResponse, OrderResponse, OrdersResponse, PositionsResponse, TradesResponse } from "@/lib/api-types";
import type { Tick } from "@/lib/domain/market-data";
import type { Fill, Order } from "@/lib/domain/order";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";
import { EventRecorder } from "./support/event-recorder";
import { adminApiKey } from "./support/credentials";
import { HttpClient } from "./support/http-client";
import { createTestDatabase, eventually, freePort, requireRedis, sleep, type TestDatabase } from "./support/infrastructure";
import { AUTH_ENV, ensureProductionBuild, launchWorker, splitEnv, startRealtime, startWeb, startWorker } from "./support/launch";
import { type ServiceProcess, stopAllServices } from "./support/service-process";

type UiSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let database: TestDatabase;
let http: HttpClient;
let apiKey: string;
let web: ServiceProcess;
let realtimePort: number;
let socket: UiSocket | undefined;
const socketOrders = new EventRecorder<Order>();
const socketFills = new EventRecorder<Fill>();
const socketTicks = new EventRecorder<Tick>();

function clientOrderId(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

function connectUi(): Promise<UiSocket> {
  const client: UiSocket = io(`http://127.0.0.1:${realtimePort}`, { path: "/ui", transports: ["websocket"], reconnection: false, timeout: 10_000, auth: { token: apiKey } });
  client.on("order", (order) => socketOrders.push(order));
  client.on("fill", (fill) => socketFills.push(fill));
  client.on("tick", (tick) => socketTicks.push(tick));
  return new Promise((resolve, reject) => {
    client.once("connect", () => resolve(client));
    client.once("connect_error", (error) => reject(new Error(`Socket.IO connect to the gateway failed: ${error.message}`)));
  });
}

async function positionQuantity(symbol: string): Promise<string | undefined> {
  const { status, body } = await http.get<PositionsResponse>("/api/positions");
  expect(status).toBe(200);
  return body.positions.find((p) => p.symbol === symbol)?.quantity;
}

async function fillsOf(orderId: string): Promise<Fill[]> {
  const { status, body } = await http.get<TradesResponse>("/api/trades?symbol=BTCUSDT&limit=1000");
  expect(status).toBe(200);
  return body.items.filter((f) => f.orderId === orderId);
}

describe("split mode: worker, realtime gateway and web as separate processes on PostgreSQL and Redis", () => {
  beforeAll(async () => {
    await requireRedis();
    await ensureProductionBuild();
    database = await createTestDatabase("tf_split");
    // No strategy: every order and position in this file is one the test placed.
    const env = splitEnv(database.url, { STRATEGY_ENABLED: "false", MAX_ORDER_NOTIONAL: "50000" });
    await startWorker(env);
    const [webPort, gatewayPort] = await Promise.all([freePort(), freePort()]);
    realtimePort = gatewayPort;
    [, web] = await Promise.all([startRealtime(env, gatewayPort), startWeb(env, webPort)]);
    apiKey = await adminApiKey(database.url);
    http = new HttpClient(`http://127.0.0.1:${webPort}`, apiKey);
  }, 600_000);

  afterAll(async () => {
    socket?.close();
    await stopAllServices();
    await database?.drop();
  });

  it("reports database (PostgreSQL), redis, worker and feeds healthy", async () => {
    const health = await eventually(async () => {
      const response = await http.get<HealthResponse>("/api/health");
      return response.status === 200 ? response.body : undefined;
    }, 20_000, "GET /api/health to answer 200");
    expect(health.status).toBe("ok");
    expect(health.checks.database).toMatchObject({ ok: true, detail: "postgres" });
    expect(health.checks.redis?.ok).toBe(true);
    expect(health.checks.worker?.ok).toBe(true);
    expect(health.checks.feeds).toMatchObject({ ok: true });
    expect(health.checks.feeds?.detail).toContain("simulator:live");
  });

  it("logs each API request as one JSON line with its request id, route, status and the actor behind the key", async () => {
    const requestId = `split-log-${Date.now()}`;
    const response = await fetch(new URL("/api/positions", http.baseUrl), { headers: { authorization: `Bearer ${apiKey}`, "x-request-id": requestId } });
    expect(response.headers.get("x-request-id")).toBe(requestId);
    const line = await web.waitForLine((l) => l.includes(requestId), 10_000, "the request's log line");
    expect(JSON.parse(line)).toMatchObject({
      msg: "request", level: 30, process: "web", component: "http", requestId, method: "GET", route: "/api/positions", status: 200,
      actor: expect.stringMatching(new RegExp(`^${AUTH_ENV.ADMIN_EMAIL} \\(api key [0-9a-f-]{36}\\)$`)),
    });
  });

  it("streams ticks to a Socket.IO client that subscribed on the gateway", async () => {
    socket = await connectUi();
    const joined = await socket.timeout(5_000).emitWithAck("subscribe", ["account.demo", "ticks.BTCUSDT"]);
    expect(joined).toEqual(["account.demo", "ticks.BTCUSDT"]);
    const tick = await socketTicks.waitFor((t) => t.symbol === "BTCUSDT", 10_000, "a BTCUSDT tick");
    expect(tick.price).toBeGreaterThan(0);
    expect(socketTicks.items.every((t) => t.symbol === "BTCUSDT")).toBe(true);
  });

  describe("orders over HTTP", () => {
    const marketId = clientOrderId("split-mkt");
    let filled: Order;

    it("fills a MARKET order (201 FILLED) and pushes the order and its fill to the account room", async () => {
      const { status, body } = await http.post<OrderResponse>("/api/orders", { clientOrderId: marketId, symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01" });
      expect(status).toBe(201);
      filled = body.order;
      expect(filled).toMatchObject({ clientOrderId: marketId, status: "FILLED", filledQuantity: "0.01", symbol: "BTCUSDT", side: "BUY" });
      const pushed = await socketOrders.waitFor((o) => o.id === filled.id && o.status === "FILLED", 10_000, "the FILLED order event");
      expect(pushed.clientOrderId).toBe(marketId);
      const fill = await socketFills.waitFor((f) => f.orderId === filled.id, 10_000, "the fill event");
      expect(fill).toMatchObject({ symbol: "BTCUSDT", side: "BUY", quantity: "0.01", clientOrderId: marketId });
      expect(fill.price).toBe(filled.averageFillPrice);
    });

    it("shows the filled quantity as the BTCUSDT position", async () => {
      expect(await positionQuantity("BTCUSDT")).toBe("0.01");
    });

    it("answers a repeated clientOrderId with the same order and no second fill", async () => {
      const { status, body } = await http.post<OrderResponse>("/api/orders", { clientOrderId: marketId, symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01" });
      expect(status).toBeLessThan(300);
      expect(body.order.id).toBe(filled.id);
      expect(body.order.status).toBe("FILLED");
      await sleep(1_000);
      expect(await fillsOf(filled.id)).toHaveLength(1);
      expect(socketFills.items.filter((f) => f.clientOrderId === marketId)).toHaveLength(1);
      expect(await positionQuantity("BTCUSDT")).toBe("0.01");
    });

    it("rests a LIMIT far below the market, cancels it on DELETE and drops it from the open orders", async () => {
      const placed = await http.post<OrderResponse>("/api/orders", { clientOrderId: clientOrderId("split-lmt"), symbol: "BTCUSDT", side: "BUY", type: "LIMIT", quantity: "0.01", price: "1000" });
      expect(placed.status).toBe(201);
      const resting = placed.body.order;
      expect(resting).toMatchObject({ status: "ACCEPTED", filledQuantity: "0", price: "1000" });
      const openBefore = await http.get<OrdersResponse>("/api/orders?status=open");
      expect(openBefore.body.items.map((o) => o.id)).toContain(resting.id);

      const canceled = await http.delete<OrderResponse>(`/api/orders/${resting.id}`);
      expect(canceled.status).toBe(200);
      expect(canceled.body.order).toMatchObject({ id: resting.id, status: "CANCELED" });
      const openAfter = await http.get<OrdersResponse>("/api/orders?status=open");
      expect(openAfter.status).toBe(200);
      expect(openAfter.body.items.map((o) => o.id)).not.toContain(resting.id);
      await socketOrders.waitFor((o) => o.id === resting.id && o.status === "CANCELED", 10_000, "the CANCELED order event");
    });

    it("refuses an order above MAX_ORDER_NOTIONAL with 422 MAX_ORDER_NOTIONAL and stores nothing", async () => {
      const id = clientOrderId("split-big");
      const { status, body } = await http.post<ApiError>("/api/orders", { clientOrderId: id, symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "1" });
      expect(status).toBe(422);
      expect(body.error.code).toBe("MAX_ORDER_NOTIONAL");
      const all = await http.get<OrdersResponse>("/api/orders?status=all&limit=500");
      expect(all.body.items.some((o) => o.clientOrderId === id)).toBe(false);
      expect(await positionQuantity("BTCUSDT")).toBe("0.01");
    });
  });

  it("streams ticks on the plain WebSocket /ws/market after a subscribe command", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${realtimePort}/ws/market`, { headers: { authorization: `Bearer ${apiKey}` } });
    const frames = new EventRecorder<{ channel: string; data: unknown }>();
    ws.on("message", (raw) => frames.push(JSON.parse(raw.toString()) as { channel: string; data: unknown }));
    try {
      await new Promise<void>((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      });
      ws.send(JSON.stringify({ op: "subscribe", channels: ["ticks.BTCUSDT"] }));
      const frame = await frames.waitFor((f) => f.channel === "ticks.BTCUSDT", 10_000, "a ticks.BTCUSDT frame");
      const tick = frame.data as Tick;
      expect(tick.symbol).toBe("BTCUSDT");
      expect(tick.price).toBeGreaterThan(0);
      expect(frames.items.filter((f) => f.channel !== "control").every((f) => f.channel === "ticks.BTCUSDT")).toBe(true);
    } finally {
      ws.close();
    }
  });

  describe("a worker with a wrong configuration stops at once and names the variable", () => {
    async function failedStart(overrides: Record<string, string>, without: string[] = []): Promise<{ code: number | null; output: string }> {
      const env = splitEnv(database.url, overrides);
      for (const name of without) delete env[name];
      const worker: ServiceProcess = launchWorker(env);
      const exit = await worker.waitForExit(30_000);
      return { code: exit.code, output: worker.lines.join("\n") };
    }

    it.each([
      ["PORT", { PORT: "abc" }],
      ["SIM_TICKS_PER_SECOND", { SIM_TICKS_PER_SECOND: "-1" }],
    ])("%s with a wrong value", async (variable, overrides) => {
      const { code, output } = await failedStart(overrides);
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(output).toMatch(new RegExp(`^\\s*- ${variable}: `, "m"));
      expect(output).not.toContain("worker ready");
    });

    it("REDIS_URL missing", async () => {
      const { code, output } = await failedStart({}, ["REDIS_URL"]);
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(output).toMatch(/^\s*- REDIS_URL: /m);
      expect(output).not.toContain("worker ready");
    });
  });
});
