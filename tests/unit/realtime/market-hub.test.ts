import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { MarketHub } from "@/lib/realtime/market-hub";

let server: Server;
let hub: MarketHub;
let url: string;

beforeAll(async () => {
  hub = new MarketHub();
  server = createServer();
  server.on("upgrade", (req, socket, head) => hub.wss.handleUpgrade(req, socket, head, (ws) => hub.wss.emit("connection", ws, req)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/market`;
});
afterAll(async () => {
  await hub.close();
  server.close();
});

function connect(path = ""): Promise<{ ws: WebSocket; frames: { channel: string; data?: unknown; error?: { code: string } }[] }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url + path);
    const frames: { channel: string }[] = [];
    ws.on("message", (raw) => frames.push(JSON.parse(raw.toString())));
    ws.on("open", () => resolve({ ws, frames }));
  });
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe("/ws/market", () => {
  it("streams only the channels a client subscribed to", async () => {
    const a = await connect();
    a.ws.send(JSON.stringify({ op: "subscribe", channels: ["ticks.BTCUSDT"] }));
    const b = await connect("?channels=bars.ETHUSDT.1m");
    await settle();
    hub.broadcast("ticks.BTCUSDT", { price: 1 });
    hub.broadcast("bars.ETHUSDT.1m", { close: 2 });
    await settle();
    expect(a.frames.filter((f) => f.channel !== "control")).toEqual([{ channel: "ticks.BTCUSDT", data: { price: 1 } }]);
    expect(b.frames.filter((f) => f.channel !== "control")).toEqual([{ channel: "bars.ETHUSDT.1m", data: { close: 2 } }]);
    a.ws.close();
    b.ws.close();
  });

  it("answers a malformed command with an error frame and keeps the connection", async () => {
    const c = await connect();
    c.ws.send("{nope");
    c.ws.send(JSON.stringify({ op: "subscribe", channels: ["account.someone-else", "ticks.ETHUSDT"] }));
    await settle();
    expect(c.frames.some((f) => f.error?.code === "BAD_COMMAND")).toBe(true);
    hub.broadcast("ticks.ETHUSDT", { price: 3 });
    await settle();
    expect(c.frames.at(-1)).toEqual({ channel: "ticks.ETHUSDT", data: { price: 3 } });
    c.ws.close();
  });
});
