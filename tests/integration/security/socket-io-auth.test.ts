import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/auth/api-key-store";
import { issueSessionCookie } from "@/lib/auth/session-token";
import { updateUser } from "@/lib/auth/user-store";
import type { Order } from "@/lib/domain/order";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";
import { type FixtureUser, RealtimeFixture, SECRET, sleep } from "./realtime-fixture";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let fx: RealtimeFixture;
let traderA: FixtureUser;
let traderB: FixtureUser;
const open: Client[] = [];

beforeAll(async () => {
  fx = await RealtimeFixture.start();
  traderA = await fx.user("trader", "demo");
  traderB = await fx.user("trader", "acct-b");
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});
afterAll(async () => fx?.close());

function dial(options: { cookie?: string; token?: string; headers?: Record<string, string> } = {}): Client {
  const extraHeaders = { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers };
  const client: Client = io(fx.origin, { path: "/ui", transports: ["websocket"], reconnection: false, timeout: 5_000, extraHeaders, auth: options.token ? { token: options.token } : {} });
  open.push(client);
  return client;
}

/** "connected", or the refusal message the server's middleware gave. */
function outcome(client: Client): Promise<string> {
  return new Promise((resolve) => {
    client.once("connect", () => resolve("connected"));
    client.once("connect_error", (error) => resolve(error.message));
  });
}

const connect = async (options: Parameters<typeof dial>[0]) => {
  const client = dial(options);
  expect(await outcome(client)).toBe("connected");
  return client;
};

function disconnected(client: Client): Promise<string> {
  return new Promise((resolve) => client.once("disconnect", (reason) => resolve(reason)));
}

describe("Socket.IO /ui handshake", () => {
  it("refuses a connection without credentials", async () => {
    expect(await outcome(dial())).toBe("UNAUTHENTICATED");
  });

  it("refuses a session token signed with another secret (forged)", async () => {
    expect(await outcome(dial({ cookie: await issueSessionCookie(traderA.user.id, "another-secret-that-is-long-enough-0123") }))).toBe("UNAUTHENTICATED");
  });

  it("refuses a tampered session token", async () => {
    const [name, token] = traderA.cookie.split("=") as [string, string];
    const parts = token.split(".");
    const cipher = parts[3]!;
    parts[3] = `${cipher[0] === "A" ? "B" : "A"}${cipher.slice(1)}`;
    expect(await outcome(dial({ cookie: `${name}=${parts.join(".")}` }))).toBe("UNAUTHENTICATED");
  });

  it("refuses a genuine token without user claims, and one naming a user who does not exist", async () => {
    const empty = await encode({ token: { role: "admin" }, secret: SECRET });
    expect(await outcome(dial({ cookie: `next-auth.session-token=${empty}` }))).toBe("UNAUTHENTICATED");
    expect(await outcome(dial({ cookie: await issueSessionCookie(randomUUID(), SECRET) }))).toBe("UNAUTHENTICATED");
  });

  it("refuses a revoked API key and a key whose owner is disabled", async () => {
    const revoked = await fx.key(traderA.user.id);
    await revokeApiKey(fx.database.db, revoked.id);
    expect(await outcome(dial({ token: revoked.key }))).toBe("UNAUTHENTICATED");
    const owner = await fx.user("viewer", "demo");
    const key = await fx.key(owner.user.id);
    await updateUser(fx.database.db, owner.user.id, { disabled: true });
    expect(await outcome(dial({ token: key.key }))).toBe("UNAUTHENTICATED");
  });

  it("accepts the session cookie, an API key as auth token, and an API key as bearer header", async () => {
    await connect({ cookie: traderA.cookie });
    const { key } = await fx.key(traderA.user.id);
    await connect({ token: key });
    await connect({ headers: { authorization: `Bearer ${key}` } });
  });

  it("refuses a cookie-authenticated handshake from another origin (cross-site WebSocket hijacking)", async () => {
    expect(await outcome(dial({ cookie: traderA.cookie, headers: { origin: "http://localhost:8081" } }))).toBe("UNAUTHENTICATED");
    await connect({ cookie: traderA.cookie, headers: { origin: fx.origin } });
    const { key } = await fx.key(traderA.user.id);
    await connect({ token: key, headers: { origin: "http://localhost:8081" } });
  });
});

describe("Socket.IO /ui rooms", () => {
  it("joins market rooms and the actor's own account room, never another account's", async () => {
    const a = await connect({ cookie: traderA.cookie });
    const joined = await a.timeout(5_000).emitWithAck("subscribe", ["account.acct-b", "account.demo", "ticks.BTCUSDT", "system", "nope"]);
    expect(joined).toEqual(["account.demo", "ticks.BTCUSDT", "system"]);
  });

  it("delivers an account's events to that account's users only", async () => {
    const a = await connect({ cookie: traderA.cookie });
    const b = await connect({ cookie: traderB.cookie });
    await a.timeout(5_000).emitWithAck("subscribe", ["account.acct-b"]);
    await b.timeout(5_000).emitWithAck("subscribe", ["account.acct-b"]);
    const seenByA: Order[] = [];
    const seenByB: Order[] = [];
    a.on("order", (o) => seenByA.push(o));
    b.on("order", (o) => seenByB.push(o));
    fx.io.to("account.acct-b").emit("order", { id: "o-1" } as Order);
    await sleep(200);
    expect(seenByB.map((o) => o.id)).toEqual(["o-1"]);
    expect(seenByA).toEqual([]);
  });
});

describe("Socket.IO /ui live connections", () => {
  it("disconnects a user who is disabled while connected", async () => {
    const user = await fx.user("trader", "demo");
    const client = await connect({ cookie: user.cookie });
    await client.timeout(5_000).emitWithAck("subscribe", ["account.demo"]);
    const gone = disconnected(client);
    await updateUser(fx.database.db, user.user.id, { disabled: true });
    expect(await gone).toBe("io server disconnect");
    const again = dial({ cookie: user.cookie });
    expect(await outcome(again)).toBe("UNAUTHENTICATED");
  });

  it("disconnects a program whose API key is revoked while connected", async () => {
    const { key, id } = await fx.key(traderA.user.id);
    const client = await connect({ token: key });
    const gone = disconnected(client);
    await revokeApiKey(fx.database.db, id);
    expect(await gone).toBe("io server disconnect");
  });

  it("stops a moved user's account room: after moving to another account, the old room's events stop", async () => {
    const user = await fx.user("trader", "demo");
    const client = await connect({ cookie: user.cookie });
    expect(await client.timeout(5_000).emitWithAck("subscribe", ["account.demo"])).toEqual(["account.demo"]);
    await fx.database.query("update users set account_id = 'acct-c' where id = $1", [user.user.id]);
    await sleep(500);
    const seen: Order[] = [];
    client.on("order", (o) => seen.push(o));
    fx.io.to("account.demo").emit("order", { id: "o-2" } as Order);
    await sleep(200);
    expect(seen).toEqual([]);
    expect(client.connected).toBe(true);
  });
});
