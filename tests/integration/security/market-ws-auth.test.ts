import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { revokeApiKey } from "@/lib/auth/api-key-store";
import { issueSessionCookie } from "@/lib/auth/session-token";
import { updateUser } from "@/lib/auth/user-store";
import { type FixtureUser, RealtimeFixture, sleep } from "./realtime-fixture";

interface Frame {
  channel: string;
  data?: unknown;
  error?: { code: string };
}

let fx: RealtimeFixture;
let trader: FixtureUser;
let bearer: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  fx = await RealtimeFixture.start();
  trader = await fx.user("trader", "demo");
  bearer = `Bearer ${(await fx.key(trader.user.id)).key}`;
});
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.close();
});
afterAll(async () => fx?.close());

/** Opens /ws/market; resolves with the socket and its frames, or with the HTTP status of a refused upgrade. */
function connect(headers: Record<string, string>, query = ""): Promise<{ ws: WebSocket; frames: Frame[] } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${fx.origin.replace("http", "ws")}/ws/market${query}`, { headers });
    sockets.push(ws);
    const frames: Frame[] = [];
    ws.on("message", (raw) => frames.push(JSON.parse(raw.toString()) as Frame));
    ws.on("open", () => resolve({ ws, frames }));
    ws.on("unexpected-response", (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on("error", reject);
  });
}

async function opened(headers: Record<string, string>, query = ""): Promise<{ ws: WebSocket; frames: Frame[] }> {
  const result = await connect(headers, query);
  if ("status" in result) throw new Error(`upgrade refused with ${result.status}`);
  return result;
}

const data = (frames: Frame[]) => frames.filter((f) => f.channel !== "control");

describe("/ws/market upgrade", () => {
  it("answers 401 without credentials, with a forged cookie and with a revoked key", async () => {
    expect(await connect({})).toEqual({ status: 401 });
    expect(await connect({ cookie: await issueSessionCookie(trader.user.id, "some-other-secret-which-is-long-enough!") })).toEqual({ status: 401 });
    const revoked = await fx.key(trader.user.id);
    await revokeApiKey(fx.database.db, revoked.id);
    expect(await connect({ authorization: `Bearer ${revoked.key}` })).toEqual({ status: 401 });
    expect(await connect({ cookie: trader.cookie, origin: "http://localhost:8081" })).toEqual({ status: 401 });
  });

  it("accepts a bearer key and the session cookie", async () => {
    await opened({ authorization: bearer });
    await opened({ cookie: trader.cookie });
  });
});

describe("/ws/market channels", () => {
  it("streams only the channels a client subscribed to", async () => {
    const a = await opened({ authorization: bearer });
    a.ws.send(JSON.stringify({ op: "subscribe", channels: ["ticks.BTCUSDT"] }));
    const b = await opened({ authorization: bearer }, "?channels=bars.ETHUSDT.1m");
    await sleep(50);
    fx.hub.broadcast("ticks.BTCUSDT", { price: 1 });
    fx.hub.broadcast("bars.ETHUSDT.1m", { close: 2 });
    await sleep(50);
    expect(data(a.frames)).toEqual([{ channel: "ticks.BTCUSDT", data: { price: 1 } }]);
    expect(data(b.frames)).toEqual([{ channel: "bars.ETHUSDT.1m", data: { close: 2 } }]);
  });

  it("answers a malformed command with an error frame, keeps the connection, and skips another account's channel", async () => {
    const c = await opened({ authorization: bearer });
    c.ws.send("{nope");
    c.ws.send(JSON.stringify({ op: "subscribe", channels: ["account.someone-else", "account.demo", "ticks.ETHUSDT"] }));
    await sleep(50);
    expect(c.frames.some((f) => f.error?.code === "BAD_COMMAND")).toBe(true);
    expect(c.frames.at(-1)).toEqual({ channel: "control", data: { subscribed: ["account.demo", "ticks.ETHUSDT"] } });
    fx.hub.broadcast("account.someone-else", { secret: true });
    fx.hub.broadcast("ticks.ETHUSDT", { price: 3 });
    await sleep(50);
    expect(data(c.frames)).toEqual([{ channel: "ticks.ETHUSDT", data: { price: 3 } }]);
  });
});

describe("/ws/market live connections", () => {
  it("closes the connection (1008) when its user is disabled", async () => {
    const user = await fx.user("viewer", "demo");
    const { ws } = await opened({ cookie: user.cookie });
    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    await updateUser(fx.database.db, user.user.id, { disabled: true });
    expect(await closed).toBe(1008);
  });
});
