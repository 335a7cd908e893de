import { createServer, type Server } from "node:http";
import { request as httpsRequest } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { type LocalNginx, type NginxPorts, startLocalNginx } from "../support/nginx-local";
import { freePort } from "./support/infrastructure";

// deploy/nginx.conf run by the real nginx (Debian package) with a self-signed certificate, in front of stand-ins for
// the web and realtime processes on local ports: TLS, the redirect, security headers and WebSocket upgrades.
// The e2e suite through nginx (playwright.nginx.config.ts) puts the same configuration in front of the real split mode.
let nginx: LocalNginx | undefined;
let web: Server;
let realtime: Server;
let ports: NginxPorts;

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { rejectUnauthorized: false, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("nginx in front of the split deployment", () => {
  beforeAll(async () => {
    ports = { http: await freePort(), https: await freePort(), web: await freePort(), realtime: await freePort() };
    web = createServer((req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ path: req.url, proto: req.headers["x-forwarded-proto"], host: req.headers.host })));
    realtime = createServer();
    const wss = new WebSocketServer({ server: realtime });
    wss.on("connection", (socket, req) => socket.send(`hello ${req.url} ${String(req.headers["x-forwarded-proto"])}`));
    await Promise.all([new Promise<void>((r) => web.listen(ports.web, "127.0.0.1", r)), new Promise<void>((r) => realtime.listen(ports.realtime, "127.0.0.1", r))]);
    nginx = await startLocalNginx(ports);
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    web?.close();
    realtime?.close();
  });

  it("redirects plain HTTP to HTTPS", async () => {
    const res = await fetch(`http://127.0.0.1:${ports.http}/api/orders?x=1`, { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(`https://127.0.0.1/api/orders?x=1`);
  });

  it("terminates TLS and forwards to the web processes with the security headers", async () => {
    const res = await get(`https://127.0.0.1:${ports.https}/api/health`);
    expect(res.status).toBe(200);
    // The port too: Next.js compares Host with a server action's Origin, which names it.
    expect(JSON.parse(res.body)).toEqual({ path: "/api/health", proto: "https", host: `127.0.0.1:${ports.https}` });
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers.server).toBe("nginx");
  });

  it("upgrades WebSockets on /ws/market and Socket.IO's /ui/ to the realtime gateway", async () => {
    for (const route of ["/ws/market?channels=ticks.BTCUSDT", "/ui/?EIO=4&transport=websocket"]) {
      const greeting = await new Promise<string>((resolve, reject) => {
        const socket = new WebSocket(`wss://127.0.0.1:${ports.https}${route}`, { rejectUnauthorized: false });
        socket.once("message", (data) => {
          resolve(data.toString());
          socket.close();
        });
        socket.once("error", reject);
      });
      expect(greeting).toBe(`hello ${route} https`);
    }
  });
});
