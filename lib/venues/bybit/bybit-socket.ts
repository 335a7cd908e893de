import WebSocket from "ws";
import { logger } from "@/lib/logger";

const log = logger("bybit-socket");

export type BybitSocketState = "connecting" | "open" | "closed";

export interface BybitSocketOptions {
  url: string;
  /** For logs and status. */
  name: string;
  /** Default 20_000: sends {"op":"ping"}. */
  pingIntervalMs?: number;
  /** Default 2 * pingIntervalMs: no message and no pong for this long = dead -> close and reconnect. */
  deadAfterMs?: number;
  /** Default 500 -> 30_000, doubling with jitter; reset after a connection that lived. */
  backoff?: { initialMs: number; maxMs: number };
  /** Runs after every open, before topics are subscribed (the private stream authenticates here). Throwing closes and retries. */
  onOpen?: (socket: BybitSocket) => Promise<void>;
  /** Subscribed after every (re)open, in chunks of at most 10 args per subscribe message. */
  topics: () => readonly string[];
  /** Every parsed data message that has a `topic`. */
  onMessage: (message: BybitMessage) => void;
  onState?: (state: BybitSocketState, detail: string | null) => void;
  /** After a RE-connect (not the first) once topics are subscribed. */
  onReconnected?: () => void;
  /** Default `ws`. */
  WebSocketImpl?: typeof WebSocket;
}

export interface BybitMessage {
  topic: string;
  type?: string;
  ts?: number;
  data: unknown;
  [k: string]: unknown;
}

type Reply = Record<string, unknown>;

interface PendingRequest {
  op: string;
  reqId: string;
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

// Bybit rejects a subscribe message with more than 10 args.
const TOPICS_PER_SUBSCRIBE = 10;
const MALFORMED_LOG_EVERY_MS = 10_000;
const CLOSE_GRACE_MS = 1_000;

function isPong(reply: Reply): boolean {
  return reply.op === "pong" || (reply.op === "ping" && reply.ret_msg === "pong");
}

/** Equal jitter: half the doubled delay is fixed, half random, so reconnecting clients spread out. */
function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return base / 2 + Math.random() * (base / 2);
}

/** One reconnecting Bybit v5 WebSocket: heartbeat, dead-connection detection, backoff, resubscription, op replies. */
export class BybitSocket {
  private readonly pingIntervalMs: number;
  private readonly deadAfterMs: number;
  private readonly backoff: { initialMs: number; maxMs: number };
  private ws: WebSocket | null = null;
  private current: BybitSocketState = "closed";
  private stopped = true;
  private attempt = 0;
  private opens = 0;
  private openedAt: number | null = null;
  private lastSeenAt: number | null = null;
  private lastDataAt: number | null = null;
  private malformed = 0;
  private malformedLoggedAt = 0;
  private nextReqId = 1;
  private readonly pending = new Map<string, PendingRequest>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: BybitSocketOptions) {
    this.pingIntervalMs = options.pingIntervalMs ?? 20_000;
    this.deadAfterMs = options.deadAfterMs ?? 2 * this.pingIntervalMs;
    this.backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const ws = this.ws;
    this.teardown("stopped");
    if (ws && ws.readyState !== WebSocket.CLOSED) await closeGracefully(ws);
    this.setState("closed", "stopped");
  }

  state(): BybitSocketState {
    return this.current;
  }

  /** Time of the last data message (one with a topic), Unix ms. */
  lastMessageAt(): number | null {
    return this.lastDataAt;
  }

  malformedFrames(): number {
    return this.malformed;
  }

  /** Sends an op and resolves with the reply whose `req_id` (or else `op`) matches; rejects on success:false or timeout. */
  request(message: { op: string; args?: unknown[]; req_id?: string }, timeoutMs = 10_000): Promise<Reply> {
    const reqId = message.req_id ?? `${this.options.name}-${this.nextReqId++}`;
    return new Promise<Reply>((resolve, reject) => {
      if (!this.send({ ...message, req_id: reqId })) {
        reject(new Error(`${this.options.name}: cannot send ${message.op}, the socket is not open`));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(reqId);
        reject(new Error(`${this.options.name}: no reply to ${message.op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(reqId, { op: message.op, reqId, resolve, reject, timer });
    });
  }

  /** Unsubscribes and subscribes one topic again; Bybit answers an order-book subscribe with a fresh snapshot. */
  resubscribe(topic: string): void {
    if (this.ws?.readyState !== WebSocket.OPEN) return; // the next open subscribes every topic anyway
    this.request({ op: "unsubscribe", args: [topic] }, this.deadAfterMs).catch((error: unknown) => log.warn({ err: error, topic }, "unsubscribe failed"));
    this.subscribe([topic]).catch(() => undefined);
  }

  private connect(): void {
    if (this.stopped) return;
    this.setState("connecting", null);
    const Impl = this.options.WebSocketImpl ?? WebSocket;
    const ws = new Impl(this.options.url, { handshakeTimeout: this.deadAfterMs });
    this.ws = ws;
    ws.on("open", () => void this.onOpened(ws));
    ws.on("message", (data: WebSocket.RawData) => this.onFrame(data.toString()));
    ws.on("error", (error: Error) => log.warn({ name: this.options.name, err: error.message }, "socket error"));
    ws.on("close", (code: number, reason: Buffer) => this.onClosed(ws, `closed ${code}${reason.length ? ` ${reason.toString()}` : ""}`));
  }

  private async onOpened(ws: WebSocket): Promise<void> {
    this.lastSeenAt = Date.now();
    this.startTimers(ws);
    try {
      await this.options.onOpen?.(this);
      await this.subscribe(this.options.topics());
    } catch (error) {
      log.warn({ name: this.options.name, err: error instanceof Error ? error.message : error }, "open handshake failed, reconnecting");
      ws.terminate();
      return;
    }
    if (ws !== this.ws) return;
    this.openedAt = Date.now();
    this.opens += 1;
    this.setState("open", null);
    if (this.opens > 1) this.options.onReconnected?.();
  }

  /** Sends the subscribes in chunks and waits for their acks; a refused topic is logged, not retried. */
  private async subscribe(topics: readonly string[]): Promise<void> {
    const chunks: string[][] = [];
    for (let i = 0; i < topics.length; i += TOPICS_PER_SUBSCRIBE) chunks.push(topics.slice(i, i + TOPICS_PER_SUBSCRIBE));
    const acks = await Promise.allSettled(chunks.map((args) => this.request({ op: "subscribe", args }, this.deadAfterMs)));
    acks.forEach((ack, i) => {
      if (ack.status === "rejected") log.error({ name: this.options.name, topics: chunks[i], err: String(ack.reason) }, "subscribe failed");
    });
    if (this.ws?.readyState !== WebSocket.OPEN) throw new Error("closed while subscribing");
  }

  private onFrame(text: string): void {
    this.lastSeenAt = Date.now();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.countMalformed(text);
      return;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      this.countMalformed(text);
      return;
    }
    const message = parsed as Reply;
    if (typeof message.topic === "string") this.deliver(message as BybitMessage);
    else this.onReply(message);
  }

  private deliver(message: BybitMessage): void {
    this.lastDataAt = this.lastSeenAt;
    try {
      this.options.onMessage(message);
    } catch (error) {
      log.error({ name: this.options.name, topic: message.topic, err: error }, "message handler threw");
    }
  }

  private onReply(reply: Reply): void {
    const pending = this.matchPending(reply);
    if (!pending) {
      if (!isPong(reply) && reply.success === false) log.error({ name: this.options.name, op: reply.op, retMsg: reply.ret_msg }, "request refused");
      return;
    }
    this.pending.delete(pending.reqId);
    clearTimeout(pending.timer);
    if (reply.success === false) pending.reject(new Error(`${this.options.name}: ${pending.op} refused: ${String(reply.ret_msg ?? "")}`));
    else pending.resolve(reply);
  }

  private matchPending(reply: Reply): PendingRequest | undefined {
    const reqId = typeof reply.req_id === "string" && reply.req_id !== "" ? reply.req_id : null;
    if (reqId !== null && this.pending.has(reqId)) return this.pending.get(reqId);
    const op = reply.op === "pong" ? "ping" : reply.op;
    for (const pending of this.pending.values()) if (pending.op === op) return pending;
    return undefined;
  }

  private countMalformed(text: string): void {
    this.malformed += 1;
    const now = Date.now();
    if (now - this.malformedLoggedAt < MALFORMED_LOG_EVERY_MS) return;
    this.malformedLoggedAt = now;
    log.warn({ name: this.options.name, total: this.malformed, sample: text.slice(0, 200) }, "malformed frame dropped");
  }

  private startTimers(ws: WebSocket): void {
    this.heartbeat = setInterval(() => this.send({ op: "ping" }), this.pingIntervalMs);
    this.watchdog = setInterval(() => {
      if (this.lastSeenAt !== null && Date.now() - this.lastSeenAt > this.deadAfterMs) {
        log.warn({ name: this.options.name, silentMs: Date.now() - this.lastSeenAt }, "connection dead (no data, no pong), reconnecting");
        ws.terminate();
      }
    }, Math.max(10, Math.floor(this.deadAfterMs / 4)));
  }

  private onClosed(ws: WebSocket, detail: string): void {
    if (ws !== this.ws) return;
    const lived = this.openedAt !== null && Date.now() - this.openedAt >= this.deadAfterMs;
    this.teardown(detail);
    if (this.stopped) return;
    this.setState("closed", detail);
    if (lived) this.attempt = 0;
    const delay = backoffDelay(this.attempt++, this.backoff.initialMs, this.backoff.maxMs);
    log.info({ name: this.options.name, detail, retryInMs: Math.round(delay) }, "disconnected, reconnecting");
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  /** Forgets the connection: timers, pending requests (rejected) and the socket reference. */
  private teardown(detail: string): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.watchdog) clearInterval(this.watchdog);
    this.heartbeat = this.watchdog = null;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`${this.options.name}: ${detail} before the reply to ${pending.op}`));
    }
    this.pending.clear();
    this.ws = null;
    this.openedAt = null;
  }

  private send(message: object): boolean {
    const ws = this.ws;
    if (ws?.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  private setState(state: BybitSocketState, detail: string | null): void {
    if (state === this.current && detail === null) return;
    this.current = state;
    this.options.onState?.(state, detail);
  }
}

function closeGracefully(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate();
      resolve();
    }, CLOSE_GRACE_MS);
    ws.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    else ws.close(1000, "stopped");
  });
}
