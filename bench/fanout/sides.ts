import { randomUUID } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { issueSessionCookie } from "@/lib/auth/session-token";
import { hashPassword } from "@/lib/auth/passwords";
import { insertUser } from "@/lib/auth/user-store";
import { MemoryBus } from "@/lib/bus/memory-bus";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Tick } from "@/lib/domain/market-data";
import { EmbeddedSink } from "@/lib/realtime/embedded-sink";
import { rooms, SOCKET_PATH } from "@/lib/realtime/events";
import { MarketHub } from "@/lib/realtime/market-hub";
import { attachRedisAdapter } from "@/lib/realtime/redis-adapter";
import { RedisSink } from "@/lib/realtime/redis-sink";
import type { RealtimeSink } from "@/lib/realtime/sink";
import { handshakeAuthenticator } from "@/lib/realtime/socket-auth";
import { createUiServer, type UiServer } from "@/lib/realtime/socket-server";

const SECRET = "fanout-bench-secret-0123456789-abcdefghij";
const ACCOUNT_ID = "demo";

/** One way of getting a tick from the engine to the browsers, with what a dashboard client needs to connect. */
export interface FanoutSide {
  label: string;
  url: string;
  headers: Record<string, string>;
  rooms: string[];
  publish(tick: Tick): void;
  close(): Promise<void>;
}

/** The rooms the dashboard's trading page joins for one symbol (live price, live bars, account, feeds). */
export function dashboardRooms(symbol: string): string[] {
  return [rooms.ticks(symbol), rooms.bars(symbol, "1m"), rooms.account(ACCOUNT_ID), rooms.system];
}

async function listen(server: HttpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeIo(io: Server | UiServer): Promise<void> {
  return new Promise((resolve) => io.close(() => resolve()));
}

/** The same work LivePublisher.tick does for every tick: the Socket.IO room, then the /ws/market channel. */
function publishTick(sink: RealtimeSink, tick: Tick): void {
  const room = rooms.ticks(tick.symbol);
  sink.emit(room, "tick", tick);
  sink.market(room, tick);
}

/** Baseline: socket.io with its defaults, no auth, no rooms, io.emit to every connection. */
export async function bareSide(): Promise<FanoutSide> {
  const server = createServer();
  const io = new Server(server, { path: SOCKET_PATH, serveClient: false });
  return {
    label: "bare socket.io io.emit",
    url: await listen(server),
    headers: {},
    rooms: [],
    publish: (tick) => void io.emit("tick", tick),
    close: () => closeIo(io),
  };
}

/** A database with one trader whose session cookie every client presents, as a signed-in browser does. */
async function signedInDatabase(): Promise<{ database: DatabaseHandle; cookie: string }> {
  const database = await createPglite();
  await migrateDatabase(database);
  const user = await insertUser(database.db, { email: `fanout-${randomUUID().slice(0, 8)}@example.test`, role: "trader", accountId: ACCOUNT_ID, passwordHash: await hashPassword("fanout-bench") });
  return { database, cookie: await issueSessionCookie(user!.id, SECRET) };
}

/** The platform's Socket.IO server (handshake auth, rooms) on a database with one signed-in trader. */
async function platformGateway() {
  const { database, cookie } = await signedInDatabase();
  const server = createServer();
  const authenticate = handshakeAuthenticator(database.db, SECRET);
  const io = createUiServer(server, authenticate);
  return { database, cookie, server, authenticate, io };
}

/** What a platform side's clients connect with, and how it stops once its own parts are closed. */
async function platformSide(gateway: Awaited<ReturnType<typeof platformGateway>>, label: string, symbol: string, sink: RealtimeSink, closeParts: () => Promise<void>): Promise<FanoutSide> {
  return {
    label,
    url: await listen(gateway.server),
    headers: { cookie: gateway.cookie },
    rooms: dashboardRooms(symbol),
    publish: (tick) => publishTick(sink, tick),
    async close() {
      await closeParts();
      await gateway.database.close();
    },
  };
}

/** Embedded mode: the engine's EmbeddedSink into createUiServer (handshake auth, rooms) in the same process. */
export async function embeddedSide(symbol: string): Promise<FanoutSide> {
  const gateway = await platformGateway();
  const hub = new MarketHub(gateway.authenticate);
  const sink = new EmbeddedSink(gateway.io, hub);
  return platformSide(gateway, "embedded: EmbeddedSink -> createUiServer", symbol, sink, async () => {
    await hub.close();
    await closeIo(gateway.io);
  });
}

/**
 * Split mode: the worker's RedisSink (Redis emitter) publishes; a gateway built like workers/realtime.ts
 * (createUiServer + attachRedisAdapter) delivers. Channels under a key of their own, so gateways of other
 * stacks on the same Redis neither see these ticks nor send theirs here.
 */
export async function splitSide(symbol: string, redisUrl: string): Promise<FanoutSide> {
  const gateway = await platformGateway();
  const key = `tradeforge-bench-fanout-${randomUUID()}`;
  const adapter = attachRedisAdapter(gateway.io, redisUrl, { key });
  const sink = new RedisSink(redisUrl, new MemoryBus(), { key });
  return platformSide(gateway, "split: RedisSink -> Redis -> gateway", symbol, sink, async () => {
    await sink.close();
    await closeIo(gateway.io);
    await adapter.close();
  });
}
