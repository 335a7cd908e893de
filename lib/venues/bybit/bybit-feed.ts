import type WebSocket from "ws";
import type { FeedState, FeedStatus, Tick } from "@/lib/domain/market-data";
import { logger } from "@/lib/logger";
import type { MarketFeed } from "@/lib/market/feed";
import { BybitSocket, type BybitMessage, type BybitSocketState } from "./bybit-socket";
import { OrderBook, type BookQuote } from "./order-book";
import { DropCounter, parseBookUpdate, parseKlines, parseTickerUpdate, parseTrades, topicSymbol, type Kline, type TradePrint } from "./public-messages";
import { TickerState, type BybitTicker } from "./ticker-state";

const log = logger("bybit-feed");

export interface BybitFeedConfig {
  url: string;
  symbols: readonly string[];
  name?: string;
  pingIntervalMs?: number;
  deadAfterMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  WebSocketImpl?: typeof WebSocket;
}

const TRADE = "publicTrade.";
const BOOK = "orderbook.50.";
const TICKER = "tickers.";
const KLINE = "kline.1.";

/** The four public topics subscribed per symbol. */
export function bybitTopics(symbol: string): string[] {
  return [TRADE + symbol, BOOK + symbol, TICKER + symbol, KLINE + symbol];
}

const SOCKET_TO_FEED_STATE: Record<BybitSocketState, FeedState> = { connecting: "starting", open: "live", closed: "error" };

/** Bybit v5 public market data: trades as ticks, plus order book quotes, tickers and 1m klines per symbol. */
export class BybitFeed implements MarketFeed {
  readonly name: string;
  readonly kind = "bybit" as const;
  private socket: BybitSocket | null = null;
  private onTick: ((tick: Tick) => void) | null = null;
  private readonly seqs = new Map<string, number>();
  private readonly books = new Map<string, OrderBook>();
  private readonly tickers = new TickerState();
  private readonly klines = new Map<string, Kline>();
  private readonly drops = new DropCounter();
  private readonly prints: TradePrint[] = [];
  private tickCount = 0;
  private lastTickAt: number | null = null;

  constructor(private readonly config: BybitFeedConfig) {
    this.name = config.name ?? "bybit";
    for (const symbol of config.symbols) this.books.set(symbol, this.newBook(symbol));
  }

  async start(onTick: (tick: Tick) => void): Promise<void> {
    if (this.socket) throw new Error(`Feed ${this.name} is already running`);
    this.onTick = onTick;
    this.socket = new BybitSocket({
      url: this.config.url, name: this.name, pingIntervalMs: this.config.pingIntervalMs, deadAfterMs: this.config.deadAfterMs,
      backoff: this.config.backoff, WebSocketImpl: this.config.WebSocketImpl,
      topics: () => this.config.symbols.flatMap(bybitTopics),
      onMessage: (message) => this.onMessage(message),
      onState: (state, detail) => this.onSocketState(state, detail),
    });
    this.socket.start();
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    await socket?.stop();
    for (const book of this.books.values()) book.disconnect();
  }

  status(): FeedStatus {
    return {
      name: this.name,
      kind: this.kind,
      state: this.socket ? SOCKET_TO_FEED_STATE[this.socket.state()] : "stopped",
      symbols: [...this.config.symbols],
      lastTickAt: this.lastTickAt,
      ticks: this.tickCount,
    };
  }

  /** Best bid/ask of a live book; null while the book is stale, missing or the connection is down. */
  quote(symbol: string): BookQuote | null {
    return this.books.get(symbol)?.quote() ?? null;
  }

  ticker(symbol: string): BybitTicker | null {
    return this.tickers.get(symbol);
  }

  /** The last closed (confirmed) 1-minute bar. */
  lastKline(symbol: string): Kline | null {
    return this.klines.get(symbol) ?? null;
  }

  book(symbol: string): OrderBook | undefined {
    return this.books.get(symbol);
  }

  droppedMessages(): Readonly<Record<string, number>> {
    return this.drops.byReason();
  }

  malformedFrames(): number {
    return this.socket?.malformedFrames() ?? 0;
  }

  private newBook(symbol: string): OrderBook {
    return new OrderBook(symbol, (reason) => {
      log.warn({ symbol, reason }, "order book stale, resubscribing for a new snapshot");
      this.socket?.resubscribe(BOOK + symbol);
    });
  }

  private onMessage(message: BybitMessage): void {
    const topic = message.topic;
    if (topic.startsWith(TRADE)) this.onTrades(message);
    else if (topic.startsWith(BOOK)) this.onBook(message);
    else if (topic.startsWith(TICKER)) {
      const update = parseTickerUpdate(message, this.drops);
      if (update) this.tickers.apply(update);
    } else if (topic.startsWith(KLINE)) {
      for (const bar of parseKlines(message, this.drops)) if (bar.confirm) this.klines.set(bar.symbol, bar);
    } else this.drops.count("unknown topic");
  }

  private onTrades(message: BybitMessage): void {
    const prints = this.prints;
    prints.length = 0;
    parseTrades(message.data, this.drops, prints);
    for (let i = 0; i < prints.length; i++) {
      const print = prints[i];
      const seq = (this.seqs.get(print.symbol) ?? 0) + 1;
      this.seqs.set(print.symbol, seq);
      this.tickCount++;
      this.lastTickAt = print.ts;
      this.onTick?.({ symbol: print.symbol, ts: print.ts, price: print.price, size: print.size, side: print.side, seq });
    }
  }

  private onBook(message: BybitMessage): void {
    const symbol = topicSymbol(message.topic);
    let book = this.books.get(symbol);
    if (!book) this.books.set(symbol, (book = this.newBook(symbol)));
    const update = parseBookUpdate(message, this.drops);
    if (update) book.apply(update);
    else book.invalidate("unreadable order book message");
  }

  private onSocketState(state: BybitSocketState, detail: string | null): void {
    if (state === "open") log.info({ name: this.name, symbols: this.config.symbols }, "bybit feed live");
    if (state !== "closed") return;
    if (detail !== "stopped") log.warn({ name: this.name, detail }, "bybit feed disconnected");
    for (const book of this.books.values()) book.disconnect();
    this.tickers.markIncomplete();
  }
}
