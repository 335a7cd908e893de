import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { freePort } from "./support/infrastructure";

// deploy/nginx.conf run by the real nginx (Debian package) with a self-signed certificate, in front of stand-ins for
// the web and realtime processes on local ports: TLS, the redirect, security headers and WebSocket upgrades.
const NGINX = "/usr/sbin/nginx";
let dir: string;
let nginx: ChildProcess;
let web: Server;
let realtime: Server;
let ports: { http: number; https: number; web: number; realtime: number };

function localConfig(): string {
  return readFileSync(path.resolve(__dirname, "../../deploy/nginx.conf"), "utf8")
    .replace("worker_processes auto;", `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;`)
    .replace("http {", `http {\n  access_log ${dir}/access.log;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;`)
    .replace("server web:3000;", `server 127.0.0.1:${ports.web};`)
    .replace("server realtime:3001;", `server 127.0.0.1:${ports.realtime};`)
    .replace(/^\s*listen \[::\]:\d+.*$/gm, "")
    .replace("listen 80;", `listen 127.0.0.1:${ports.http};`)
    .replace("listen 443 ssl http2;", `listen 127.0.0.1:${ports.https} ssl http2;`)
    .replaceAll("/etc/nginx/certs/", `${dir}/`);
}

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
    if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install the Debian package nginx (.ci/run does)`);
    dir = mkdtempSync(path.join(tmpdir(), "tf-nginx-"));
    ports = { http: await freePort(), https: await freePort(), web: await freePort(), realtime: await freePort() };
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", `${dir}/tls.key`, "-out", `${dir}/tls.crt`], { stdio: "ignore" });
    web = createServer((req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ path: req.url, proto: req.headers["x-forwarded-proto"] })));
    realtime = createServer();
    const wss = new WebSocketServer({ server: realtime });
    wss.on("connection", (socket, req) => socket.send(`hello ${req.url} ${String(req.headers["x-forwarded-proto"])}`));
    await Promise.all([new Promise<void>((r) => web.listen(ports.web, "127.0.0.1", r)), new Promise<void>((r) => realtime.listen(ports.realtime, "127.0.0.1", r))]);
    writeFileSync(`${dir}/nginx.conf`, localConfig());
    execFileSync(NGINX, ["-t", "-p", dir, "-c", `${dir}/nginx.conf`], { stdio: "pipe" });
    nginx = spawn(NGINX, ["-p", dir, "-c", `${dir}/nginx.conf`, "-g", "daemon off;"], { stdio: "ignore" });
    for (let i = 0; i < 50; i++) {
      if (await get(`https://127.0.0.1:${ports.https}/api/health`).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 30_000);

  afterAll(async () => {
    nginx?.kill("SIGQUIT");
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
    expect(JSON.parse(res.body)).toEqual({ path: "/api/health", proto: "https" });
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
