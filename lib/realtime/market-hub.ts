import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isValidRoom } from "./events";
import { credentialsFromHeaders, type HandshakeAuthenticator, type HandshakeCredentials, mayJoinRoom, RECHECK_INTERVAL_MS, UNAUTHENTICATED } from "./socket-auth";

const commandSchema = z.object({ op: z.enum(["subscribe", "unsubscribe"]), channels: z.array(z.string()).max(100) }).strict();

interface Connection {
  actor: Actor;
  credentials: HandshakeCredentials;
  joined: Set<string>;
  timer: NodeJS.Timeout;
}

export interface MarketHubOptions {
  recheckMs?: number;
}

function refuseUpgrade(socket: Duplex): void {
  const body = JSON.stringify({ error: { code: UNAUTHENTICATED, message: "Send the session cookie or 'Authorization: Bearer <key>'" } });
  socket.once("finish", () => socket.destroy());
  socket.end(`HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * The plain WebSocket at /ws/market for programs: connect with 'Authorization: Bearer <key>' (or, from a browser,
 * the session cookie), send {"op":"subscribe","channels":["ticks.BTCUSDT"]} (or connect with ?channels=a,b) and
 * receive {"channel","data"} frames. Credentials are checked on upgrade and again every `recheckMs`.
 */
export class MarketHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly byChannel = new Map<string, Set<WebSocket>>();
  private readonly connections = new Map<WebSocket, Connection>();

  constructor(private readonly authenticate: HandshakeAuthenticator, private readonly options: MarketHubOptions = {}) {}

  /** The server's upgrade handler for /ws/market: 401 and a closed socket unless the client authenticates. */
  async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Nothing listens for socket errors while the lookup runs; an unhandled reset would crash the process.
    const onError = () => socket.destroy();
    socket.on("error", onError);
    const credentials = credentialsFromHeaders(request.headers);
    const actor = await this.authenticate(credentials).catch(() => undefined);
    if (socket.destroyed) return;
    if (!actor) return refuseUpgrade(socket);
    socket.off("error", onError);
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request, actor, credentials));
  }

  private accept(socket: WebSocket, request: IncomingMessage, actor: Actor, credentials: HandshakeCredentials): void {
    const timer = setInterval(() => void this.recheck(socket), this.options.recheckMs ?? RECHECK_INTERVAL_MS);
    timer.unref();
    const connection: Connection = { actor, credentials, joined: new Set(), timer };
    this.connections.set(socket, connection);
    const initial = new URL(request.url ?? "/", "http://x").searchParams.get("channels");
    if (initial) this.apply(socket, connection, "subscribe", initial.split(","));
    socket.on("message", (raw) => this.onCommand(socket, connection, raw.toString()));
    socket.on("close", () => {
      clearInterval(timer);
      this.apply(socket, connection, "unsubscribe", [...connection.joined]);
      this.connections.delete(socket);
    });
    socket.send(JSON.stringify({ channel: "control", data: { hello: "tradeforge", subscribed: [...connection.joined] } }));
  }

  /** A disabled user or revoked key loses the connection; a database blip does not (see socket-server.ts). */
  private async recheck(socket: WebSocket): Promise<void> {
    const connection = this.connections.get(socket);
    if (!connection) return;
    let actor: Actor | undefined;
    try {
      actor = await this.authenticate(connection.credentials);
    } catch {
      return;
    }
    if (!actor) {
      socket.close(1008, UNAUTHENTICATED);
      return;
    }
    connection.actor = actor;
    this.apply(socket, connection, "unsubscribe", [...connection.joined].filter((c) => !mayJoinRoom(actor, c)));
  }

  private onCommand(socket: WebSocket, connection: Connection, raw: string): void {
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
    this.apply(socket, connection, command.data.op, command.data.channels);
    socket.send(JSON.stringify({ channel: "control", data: { subscribed: [...connection.joined] } }));
  }

  private apply(socket: WebSocket, connection: Connection, op: "subscribe" | "unsubscribe", channels: string[]): void {
    for (const channel of channels) {
      if (op === "subscribe" && !(isValidRoom(channel) && mayJoinRoom(connection.actor, channel))) continue;
      const set = this.byChannel.get(channel) ?? new Set<WebSocket>();
      if (op === "subscribe") {
        set.add(socket);
        connection.joined.add(channel);
        this.byChannel.set(channel, set);
      } else {
        set.delete(socket);
        connection.joined.delete(channel);
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
