import type { IncomingMessage } from "node:http";
import { WebSocket, WebSocketServer } from "ws";
import { z } from "zod";
import { isValidRoom } from "./events";

const commandSchema = z.object({ op: z.enum(["subscribe", "unsubscribe"]), channels: z.array(z.string()).max(100) }).strict();

/**
 * The plain WebSocket at /ws/market for programs: send {"op":"subscribe","channels":["ticks.BTCUSDT"]}
 * (or connect with ?channels=a,b) and receive {"channel","data"} frames.
 */
export class MarketHub {
  readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly byChannel = new Map<string, Set<WebSocket>>();

  constructor() {
    this.wss.on("connection", (socket, request: IncomingMessage) => this.accept(socket, request));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const joined = new Set<string>();
    const initial = new URL(request.url ?? "/", "http://x").searchParams.get("channels");
    if (initial) this.apply(socket, joined, "subscribe", initial.split(","));
    socket.on("message", (raw) => this.onCommand(socket, joined, raw.toString()));
    socket.on("close", () => this.apply(socket, joined, "unsubscribe", [...joined]));
    socket.send(JSON.stringify({ channel: "control", data: { hello: "tradeforge", subscribed: [...joined] } }));
  }

  private onCommand(socket: WebSocket, joined: Set<string>, raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    const command = commandSchema.safeParse(parsed);
    if (!command.success) {
      socket.send(JSON.stringify({ channel: "control", error: { code: "BAD_COMMAND", message: 'expected {"op":"subscribe"|"unsubscribe","channels":[...]}' } }));
      return;
    }
    this.apply(socket, joined, command.data.op, command.data.channels);
    socket.send(JSON.stringify({ channel: "control", data: { subscribed: [...joined] } }));
  }

  private apply(socket: WebSocket, joined: Set<string>, op: "subscribe" | "unsubscribe", channels: string[]): void {
    for (const channel of channels) {
      if (op === "subscribe" && !isValidRoom(channel)) continue;
      const set = this.byChannel.get(channel) ?? new Set<WebSocket>();
      if (op === "subscribe") {
        set.add(socket);
        joined.add(channel);
        this.byChannel.set(channel, set);
      } else {
        set.delete(socket);
        joined.delete(channel);
        if (set.size === 0) this.byChannel.delete(channel);
      }
    }
  }

  broadcast(channel: string, data: unknown): void {
    const set = this.byChannel.get(channel);
    if (!set) return;
    const frame = JSON.stringify({ channel, data });
    for (const socket of set) if (socket.readyState === WebSocket.OPEN) socket.send(frame);
  }

  clientCount(): number {
    return this.wss.clients.size;
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.close(1001, "server shutting down");
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
