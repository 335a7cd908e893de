import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { HttpDrain } from "@/lib/runtime/http-drain";

type Reply = { status: number; connection: string | undefined; body: string };

let server: Server | undefined;
let agent: Agent | undefined;

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, keepAliveTimeoutMs = 5_000): Promise<number> {
  server = createServer(handler);
  server.keepAliveTimeout = keepAliveTimeoutMs;
  return new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve((server!.address() as AddressInfo).port)));
}

/** One GET through a keep-alive agent holding a single connection, so a second GET reuses the first one's. */
function get(port: number): Promise<Reply> {
  agent ??= new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A raw connection that sent one request, read its answer and now sits idle, as a keep-alive client between requests. */
function idleConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("GET / HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n"));
    socket.once("data", () => resolve(socket));
    socket.once("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  agent?.destroy();
  agent = undefined;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe("HttpDrain", () => {
  it("answers a request in flight at the signal, on its last response of the connection, then stops accepting", async () => {
    const port = await listen((_req, res) => void sleep(200).then(() => res.end("done")));
    const drain = new HttpDrain();
    const inFlight = get(port);
    await sleep(50);
    const drained = drain.drain(5_000);
    expect(await inFlight).toEqual({ status: 200, connection: "close", body: "done" });
    expect(await drained).toMatchObject({ inFlightAtStart: 1, forcedClose: false });
    expect(server!.listening).toBe(false);
  });

  it("answers a request sent on an idle keep-alive connection during the drain instead of cutting the connection", async () => {
    const port = await listen((_req, res) => res.end("ok"));
    const drain = new HttpDrain();
    expect((await get(port)).connection).toBe("keep-alive");
    const drained = drain.drain(5_000);
    // The agent sends this on the connection the first request left idle.
    expect(await get(port)).toEqual({ status: 200, connection: "close", body: "ok" });
    expect(await drained).toMatchObject({ inFlightAtStart: 0, forcedClose: false });
  });

  it("leaves an idle connection open until the keep-alive timeout instead of cutting it at once", async () => {
    const port = await listen((_req, res) => res.end("ok"), 500);
    const drain = new HttpDrain();
    const idle = await idleConnection(port);
    const result = await drain.drain(5_000);
    expect(result.forcedClose).toBe(false);
    expect(result.ms).toBeGreaterThanOrEqual(450);
    idle.destroy();
  });

  it("cuts what is left at the deadline", async () => {
    const port = await listen(() => undefined);
    const drain = new HttpDrain();
    const hanging = get(port).then(() => "answered", () => "cut");
    await sleep(50);
    expect(await drain.drain(200)).toMatchObject({ inFlightAtStart: 1, forcedClose: true });
    expect(await hanging).toBe("cut");
  });
});
