import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { AccountTopic, Row } from "./account";
import { checkWsAuth } from "./signature-check";

interface Client {
  ws: WebSocket;
  connId: string;
  apiKey: string | null;
  topics: Set<string>;
}

/** /v5/private: auth, subscribe, ping, and pushes of the authenticated account's order/execution/position changes. */
export class FakePrivateStream {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<Client>();
  /** While false, upgrades are refused with 503 (the stream is "down"). */
  accepting = true;

  constructor(private readonly secrets: ReadonlyMap<string, string>, private readonly now: () => number) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (new URL(request.url ?? "/", "http://x").pathname !== "/v5/private" || !this.accepting) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws));
  }

  push(apiKey: string, topic: AccountTopic, row: Row): void {
    const frame = JSON.stringify({ id: randomUUID(), topic, creationTime: this.now(), data: [row] });
    for (const client of this.clients) {
      if (client.apiKey === apiKey && client.topics.has(topic) && client.ws.readyState === client.ws.OPEN) client.ws.send(frame);
    }
  }

  /** Cuts every connection without a close frame, like a network drop. */
  dropAll(): void {
    for (const client of this.clients) client.ws.terminate();
  }

  connections(): number {
    return [...this.clients].filter((c) => c.apiKey !== null).length;
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    const client: Client = { ws, connId: randomUUID(), apiKey: null, topics: new Set() };
    this.clients.add(client);
    ws.on("close", () => this.clients.delete(client));
    ws.on("message", (raw) => this.onMessage(client, raw.toString()));
  }

  private onMessage(client: Client, text: string): void {
    let message: { op?: unknown; args?: unknown; req_id?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    const reply = (fields: Row) => client.ws.send(JSON.stringify({ ...(typeof message.req_id === "string" ? { req_id: message.req_id } : {}), ...fields, conn_id: client.connId }));
    if (message.op === "ping") return reply({ op: "pong", args: [String(this.now())] });
    if (message.op === "auth") {
      const verdict = checkWsAuth(message.args, this.secrets, this.now());
      if (verdict.ok) client.apiKey = verdict.apiKey;
      return reply({ success: verdict.ok, ret_msg: verdict.ok ? "" : verdict.retMsg, op: "auth" });
    }
    if (message.op === "subscribe" || message.op === "unsubscribe") {
      if (client.apiKey === null) return reply({ success: false, ret_msg: "Request not authorized", op: message.op });
      const topics = Array.isArray(message.args) ? message.args.filter((t): t is string => typeof t === "string") : [];
      for (const topic of topics) {
        if (message.op === "subscribe") client.topics.add(topic);
        else client.topics.delete(topic);
      }
      return reply({ success: true, ret_msg: "", op: message.op });
    }
    reply({ success: false, ret_msg: `unknown op ${String(message.op)}`, op: message.op });
  }
}
