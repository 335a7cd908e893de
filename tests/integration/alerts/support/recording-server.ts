import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
  at: number;
}

/** What the endpoint does with the next requests: answer with a status, or never answer (a hung endpoint). */
export type Behaviour = { status: number; headers?: Record<string, string> } | "hang";

/**
 * A local HTTP endpoint standing in for Slack and a webhook receiver: records every request it answers 2xx to in
 * `received` (what really arrived), can fail, hang, go down (connections refused) and come back on the same port.
 */
export class RecordingServer {
  readonly received: RecordedRequest[] = [];
  readonly attempts: RecordedRequest[] = [];
  behaviour: Behaviour = { status: 200 };
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Down: the port refuses connections until start() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  bodies(path: string): unknown[] {
    return this.received.filter((r) => r.path === path).map((r) => r.body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { path: req.url ?? "/", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown, at: Date.now() };
    this.attempts.push(request);
    const behaviour = this.behaviour;
    if (behaviour === "hang") return;
    if (behaviour.status < 300) this.received.push(request);
    res.writeHead(behaviour.status, { "content-type": "text/plain", ...behaviour.headers }).end(behaviour.status < 300 ? "ok" : "upstream unavailable");
  }
}
