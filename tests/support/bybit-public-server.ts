import { WebSocketServer, type WebSocket } from "ws";

/**
 * A local stand-in for Bybit's v5 public WebSocket: acks subscribes, answers pings, pushes messages for subscribed
 * topics, answers an orderbook subscribe with a snapshot of its own book, and injects faults on command.
 */

type Json = Record<string, unknown>;
type Level = [string, string];

interface Client {
  socket: WebSocket;
  id: string;
  topics: Set<string>;
}

interface ServerBook {
  bids: Map<string, string>;
  asks: Map<string, string>;
  u: number;
}

/** Polls until the condition holds; the timeout only guards against a hang, it is not a measured assertion. */
export async function eventually<T>(condition: () => T | null | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export class BybitPublicServer {
  /** Every message clients sent, in order. */
  readonly received: Json[] = [];
  private readonly clients = new Set<Client>();
  private readonly books = new Map<string, ServerBook>();
  private accepted = 0;
  private silent = false;
  private heldSnapshots: Array<() => void> | null = null;

  private constructor(private readonly wss: WebSocketServer, readonly port: number) {
    wss.on("connection", (socket) => this.accept(socket));
  }

  /** Listens on 127.0.0.1; port 0 picks a free one. */
  static async start(port = 0): Promise<BybitPublicServer> {
    const wss = new WebSocketServer({ host: "127.0.0.1", port });
    await new Promise<void>((resolve, reject) => {
      wss.once("listening", resolve);
      wss.once("error", reject);
    });
    const address = wss.address();
    if (address === null || typeof address === "string") throw new Error("expected a TCP address");
    return new BybitPublicServer(wss, address.port);
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/v5/public/linear`;
  }

  /** Connections accepted so far, including closed ones. */
  connections(): number {
    return this.accepted;
  }

  openConnections(): number {
    return this.clients.size;
  }

  /** Topics the currently connected clients are subscribed to. */
  subscribedTopics(): string[] {
    return [...new Set([...this.clients].flatMap((c) => [...c.topics]))].sort();
  }

  /** The args of every subscribe request received, one list per message. */
  subscribeRequests(): string[][] {
    return this.received.filter((m) => m.op === "subscribe").map((m) => m.args as string[]);
  }

  pings(): number {
    return this.received.filter((m) => m.op === "ping").length;
  }

  /** Sends a message to every client subscribed to its topic. */
  push(message: Json & { topic: string }): void {
    for (const client of this.clients) if (client.topics.has(message.topic)) this.send(client, message);
  }

  /** Sends a message to every client, subscribed or not (as if the subscription existed). */
  broadcast(message: Json): void {
    for (const client of this.clients) this.send(client, message);
  }

  /** Pushes each message in order. */
  play(messages: readonly (Json & { topic: string })[]): void {
    for (const message of messages) this.push(message);
  }

  pushTrades(symbol: string, trades: readonly { p: string; v: string; S: "Buy" | "Sell"; T?: number }[]): void {
    const now = Date.now();
    const data = trades.map((t, i) => ({ T: t.T ?? now, s: symbol, S: t.S, v: t.v, p: t.p, L: "PlusTick", i: `t-${now}-${i}`, BT: false }));
    this.push({ topic: `publicTrade.${symbol}`, type: "snapshot", ts: now, data });
  }

  /** Replaces the server's book for a symbol (what the next subscribe's snapshot will hold); u restarts where given. */
  setBook(symbol: string, book: { b: Level[]; a: Level[]; u?: number }): void {
    this.books.set(symbol, { bids: new Map(book.b), asks: new Map(book.a), u: book.u ?? 1000 });
  }

  /** Applies a delta to the server's book and pushes it; `skip` > 0 leaves a gap of that many update ids. */
  pushBookDelta(symbol: string, delta: { b?: Level[]; a?: Level[] }, options: { skip?: number } = {}): void {
    const book = this.bookOf(symbol);
    book.u += 1 + (options.skip ?? 0);
    for (const [price, size] of delta.b ?? []) size === "0" ? book.bids.delete(price) : book.bids.set(price, size);
    for (const [price, size] of delta.a ?? []) size === "0" ? book.asks.delete(price) : book.asks.set(price, size);
    this.push({ topic: `orderbook.50.${symbol}`, type: "delta", ts: Date.now(), data: { s: symbol, b: delta.b ?? [], a: delta.a ?? [], u: book.u, seq: book.u * 10 } });
  }

  /** Terminates every connection abruptly, as a network failure would. */
  dropConnections(): void {
    for (const client of this.clients) client.socket.terminate();
  }

  /** Stops sending anything (data, acks, pongs) while keeping the TCP connections open. */
  goSilent(): void {
    this.silent = true;
  }

  speak(): void {
    this.silent = false;
  }

  /** Acks orderbook subscribes but keeps their snapshots back until releaseSnapshots(), so a test can look in between. */
  holdSnapshots(): void {
    this.heldSnapshots ??= [];
  }

  releaseSnapshots(): void {
    const held = this.heldSnapshots ?? [];
    this.heldSnapshots = null;
    for (const send of held) send();
  }

  /** Sends a frame as is to every client, e.g. malformed text. */
  sendRaw(text: string): void {
    for (const client of this.clients) client.socket.send(text);
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const client: Client = { socket, id: `conn-${++this.accepted}`, topics: new Set() };
    this.clients.add(client);
    socket.on("close", () => this.clients.delete(client));
    socket.on("message", (data) => this.onClientMessage(client, data.toString()));
  }

  private onClientMessage(client: Client, text: string): void {
    const message = JSON.parse(text) as Json;
    this.received.push(message);
    const args = (message.args as string[] | undefined) ?? [];
    const reply = { success: true, ret_msg: "", conn_id: client.id, req_id: message.req_id ?? "", op: message.op };
    if (message.op === "ping") this.send(client, { ...reply, ret_msg: "pong" });
    else if (message.op === "subscribe") this.subscribe(client, args, reply);
    else if (message.op === "unsubscribe") {
      for (const topic of args) client.topics.delete(topic);
      this.send(client, reply);
    } else this.send(client, { ...reply, success: false, ret_msg: `unknown op ${String(message.op)}` });
  }

  private subscribe(client: Client, topics: readonly string[], reply: Json): void {
    for (const topic of topics) client.topics.add(topic);
    this.send(client, reply);
    // Only books the server knows (setBook or pushBookDelta) have a snapshot to send.
    for (const topic of topics.filter((t) => t.startsWith("orderbook.") && this.books.has(t.slice(t.lastIndexOf(".") + 1)))) {
      const send = () => this.send(client, this.snapshotFor(topic));
      if (this.heldSnapshots) this.heldSnapshots.push(send);
      else send();
    }
  }

  private snapshotFor(topic: string): Json {
    const symbol = topic.slice(topic.lastIndexOf(".") + 1);
    const book = this.bookOf(symbol);
    const sortDesc = (m: Map<string, string>) => [...m.entries()].sort((x, y) => Number(y[0]) - Number(x[0]));
    const sortAsc = (m: Map<string, string>) => [...m.entries()].sort((x, y) => Number(x[0]) - Number(y[0]));
    return { topic, type: "snapshot", ts: Date.now(), data: { s: symbol, b: sortDesc(book.bids), a: sortAsc(book.asks), u: book.u, seq: book.u * 10 }, cts: Date.now() };
  }

  private bookOf(symbol: string): ServerBook {
    let book = this.books.get(symbol);
    if (!book) this.books.set(symbol, (book = { bids: new Map(), asks: new Map(), u: 1000 }));
    return book;
  }

  private send(client: Client, message: Json): void {
    if (this.silent || client.socket.readyState !== client.socket.OPEN) return;
    client.socket.send(JSON.stringify(message));
  }
}
