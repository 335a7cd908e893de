/**
 * A minimal Socket.IO v5 (Engine.IO v4) client over `ws`, websocket transport only, for the fan-out bench.
 *
 * Why it exists: socket.io-client spends about 14 µs decoding and dispatching each message. A fleet of 1,000 of
 * them on one core needs about 14 ms per broadcast, so the bench measured its own clients as much as the server.
 * In production each client is a browser on its own machine. This client does only what a dashboard connection
 * needs: the handshake (the session cookie on the upgrade, the optional `auth` payload in the connect packet),
 * pings, `subscribe` with its ack, and `tick` events read straight from the frame's text. The fleet keeps one real
 * socket.io-client per side and checks it receives the same ticks (client-fleet.ts), so a protocol mistake here
 * cannot pass unnoticed.
 */
import WebSocket from "ws";

export interface MinimalClientOptions {
  /** http://host:port of the Socket.IO server. */
  url: string;
  /** Socket.IO path, e.g. /ui. */
  path: string;
  /** Headers of the websocket upgrade: the session cookie, as a signed-in browser sends it. */
  headers: Record<string, string>;
  /** Socket.IO `auth` payload of the connect packet (e.g. { token }); the dashboard sends none. */
  auth?: Record<string, unknown>;
  timeoutMs: number;
  /** The payload of every `tick` event. */
  onTick: (tick: unknown) => void;
}

// Engine.IO packet types are the frame's first character; Socket.IO's packet type follows a "4" (message).
const EIO_OPEN = "0";
const EIO_CLOSE = "1";
const EIO_PING = "2";
const EIO_PONG = "3";
const EIO_MESSAGE = "4";
const SIO_CONNECT = "0";
const SIO_DISCONNECT = "1";
const SIO_ACK = "3";
const SIO_CONNECT_ERROR = "4";
const TICK_PREFIX = '42["tick",';

/** The engine's websocket URL for a Socket.IO path: ws://host/ui/?EIO=4&transport=websocket. */
function engineUrl(url: string, path: string): string {
  const target = new URL(url);
  target.protocol = target.protocol === "https:" ? "wss:" : "ws:";
  target.pathname = `${path.replace(/\/$/, "")}/`;
  target.search = "?EIO=4&transport=websocket";
  return target.toString();
}

export class MinimalSocketIoClient {
  private readonly acks = new Map<number, (args: unknown[]) => void>();
  private nextAckId = 0;

  private constructor(private readonly ws: WebSocket) {}

  /** Opens the websocket, connects to the main namespace, resolves once the server accepted (`40{"sid":...}`). */
  static connect(options: MinimalClientOptions): Promise<MinimalSocketIoClient> {
    const ws = new WebSocket(engineUrl(options.url, options.path), { headers: options.headers, perMessageDeflate: false, handshakeTimeout: options.timeoutMs });
    const client = new MinimalSocketIoClient(ws);
    return new Promise((resolve, reject) => {
      const fail = (reason: string) => {
        clearTimeout(timer);
        ws.terminate();
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail(`no Socket.IO connect within ${options.timeoutMs} ms`), options.timeoutMs);
      ws.on("error", (error) => fail(error.message));
      ws.on("close", (code) => fail(`websocket closed (${code}) before the Socket.IO connect`));
      ws.on("message", (data: Buffer, isBinary) => {
        if (isBinary) return fail("unexpected binary frame");
        const text = data.toString();
        if (text.startsWith(TICK_PREFIX)) return options.onTick(JSON.parse(text.slice(TICK_PREFIX.length, -1)));
        const connected = client.onControl(text, options.auth);
        if (connected === undefined) return;
        if (connected instanceof Error) return fail(connected.message);
        clearTimeout(timer);
        ws.removeAllListeners("close");
        ws.removeAllListeners("error");
        ws.on("error", () => undefined);
        resolve(client);
      });
    });
  }

  /** Everything but a tick; returns true on the connect, an Error on a refusal, undefined otherwise. */
  private onControl(text: string, auth: Record<string, unknown> | undefined): true | Error | undefined {
    const type = text[0];
    if (type === EIO_PING) this.ws.send(EIO_PONG);
    else if (type === EIO_OPEN) this.ws.send(`${EIO_MESSAGE}${SIO_CONNECT}${auth ? JSON.stringify(auth) : ""}`);
    else if (type === EIO_CLOSE) return new Error("engine closed the connection");
    else if (type === EIO_MESSAGE) return this.onSocketIoPacket(text);
    return undefined;
  }

  private onSocketIoPacket(text: string): true | Error | undefined {
    const type = text[1];
    if (type === SIO_CONNECT) return true;
    if (type === SIO_CONNECT_ERROR) return new Error(`connect refused: ${text.slice(2)}`);
    if (type === SIO_DISCONNECT) return new Error("server disconnected the socket");
    if (type === SIO_ACK) {
      const bracket = text.indexOf("[");
      const id = Number(text.slice(2, bracket));
      const resolve = this.acks.get(id);
      this.acks.delete(id);
      resolve?.(JSON.parse(text.slice(bracket)) as unknown[]);
    }
    return undefined;
  }

  /** Emits `subscribe` with an ack (`42N["subscribe",[...rooms]]`) and resolves with the rooms joined (`43N[[...]]`). */
  subscribe(rooms: string[]): Promise<string[]> {
    const id = this.nextAckId++;
    return new Promise((resolve) => {
      this.acks.set(id, (args) => resolve(args[0] as string[]));
      this.ws.send(`${EIO_MESSAGE}2${id}${JSON.stringify(["subscribe", rooms])}`);
    });
  }

  close(): void {
    this.ws.terminate();
  }
}
