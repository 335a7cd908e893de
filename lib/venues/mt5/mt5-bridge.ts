import { SerialQueue } from "@/lib/engine/serial-queue";
import { logger } from "@/lib/logger";
import { Mt5BridgeStopped, Mt5CommandAborted, Mt5NoReply, Mt5Unreachable } from "./bridge-errors";
import { BridgeSockets, type BridgeEndpoints } from "./bridge-sockets";
import { heartbeatCommand, REPLY_ACTION, trackPricesCommand, trackRatesCommand, tradeCommand, type Command, type Timeframe, type TradeCommandFields } from "./commands";
import { parseDictLiteral } from "./dict-literal";
import { parseMarketMessage } from "./market-data";
import { MarketDataRouter, type Mt5Bar, type Mt5Price } from "./market-data-router";
import { PriceSilenceWatch } from "./price-silence";
import { readAccountInfo, readClose, readCloseAll, readExecution, readModify, readOpenTrades, readTrack, Mt5ReplyError } from "./replies";
import { ReplyMatcher, type Mt5Reply } from "./reply-matcher";
import { resolveTimeouts, type Mt5BridgeTimeouts, type ResolvedTimeouts } from "./reply-timeouts";

const log = logger("mt5-bridge");
const GREETING_ATTEMPTS = 3;

export interface Mt5BridgeOptions extends BridgeEndpoints {
  /** Period of the HEARTBEAT that keeps `status()` current (default 5 s; 0 = none). */
  heartbeatMs?: number;
  timeouts?: Mt5BridgeTimeouts;
}

export interface Mt5BridgeStatus {
  /** The EA answered the last heartbeat and the connection has not dropped since. */
  connected: boolean;
  /** Unix ms of the last answered heartbeat. */
  lastHeartbeatAt: number | null;
  /** What is wrong right now, in plain words (connection first, then the EA's last refusal); null when all is well. */
  lastError: string | null;
  /** Times the connection to the EA came back after dropping (an EA restart, or the network). */
  eaRestarts: number;
}

export type RateStream = { symbol: string; timeframe: Timeframe };
type OrderFields = Omit<TradeCommandFields, "action">;

/**
 * Client of the DWX ZeroMQ EA (../shared/ref/mt5-zeromq.md). The protocol has no request ids, so exactly one command
 * is in flight and its reply is recognised by `_action`; after a command timed out, the next one is preceded by a
 * HEARTBEAT whose reply proves every earlier reply has arrived, so a late reply is never taken for a newer command's.
 * Commands are never resent: a command that could not be delivered fails with Mt5Unreachable, one that got no reply
 * with Mt5NoReply.
 */
export class Mt5Bridge {
  private readonly sockets: BridgeSockets;
  private readonly matcher = new ReplyMatcher();
  private readonly queue = new SerialQueue(() => undefined);
  private readonly timeouts: ResolvedTimeouts;
  private readonly market: MarketDataRouter;
  private readonly silence: PriceSilenceWatch;
  private trackedSymbols: string[] = [];
  private trackedRates: RateStream[] = [];
  private trackingStale = false;
  private refreshing: Promise<void> | null = null;
  private needsResync = false;
  private heartbeatsFailing = false;
  private stopped = false;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private connected = false;
  private lastHeartbeatAt: number | null = null;
  private linkError: string | null = null;
  private eaError: string | null = null;
  private eaRestarts = 0;

  constructor(private readonly options: Mt5BridgeOptions) {
    this.timeouts = resolveTimeouts(options.timeouts);
    this.silence = new PriceSilenceWatch(this.timeouts.priceSilenceMs);
    this.market = new MarketDataRouter((symbol) => this.silence.heard(symbol, Date.now()));
    this.sockets = new BridgeSockets(options, this.timeouts.sendMs, {
      onReply: (frame) => this.handleReply(frame),
      onMarketData: (frame) => this.market.handle(parseMarketMessage(frame), frame),
      onLinkUp: (again) => this.handleLinkUp(again),
      onLinkDown: () => this.handleLinkDown(),
    });
  }

  start(): void {
    this.sockets.start();
    const every = this.options.heartbeatMs ?? 5_000;
    if (every > 0) this.ticker = setInterval(() => this.tick(), every);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    const inFlight = this.matcher.inFlight();
    if (inFlight) this.matcher.fail(new Mt5NoReply(`the MT5 bridge stopped before MetaTrader answered ${inFlight}`, inFlight));
    await this.sockets.close();
    this.connected = false;
  }

  status(): Mt5BridgeStatus {
    return { connected: this.connected, lastHeartbeatAt: this.lastHeartbeatAt, lastError: this.linkError ?? this.eaError, eaRestarts: this.eaRestarts };
  }

  /** Every price of a tracked symbol, as the EA published it (decimal strings). Returns an unsubscribe function. */
  onPrice(listener: (price: Mt5Price) => void): () => void {
    return this.market.onPrice(listener);
  }

  /** The first snapshot of every new bar of a tracked rate stream. Returns an unsubscribe function. */
  onBar(listener: (bar: Mt5Bar) => void): () => void {
    return this.market.onBar(listener);
  }

  async heartbeat(): Promise<void> {
    try {
      await this.request("HEARTBEAT", heartbeatCommand());
    } catch (error) {
      this.noteHeartbeatFailed(error);
      throw error;
    }
    this.noteHeartbeatAnswered();
  }

  /** A market order (type BUY/SELL) or a pending one (BUYLIMIT...SELLSTOP at `price`); SL/TP in points. */
  async open(order: OrderFields & Required<Pick<OrderFields, "type" | "symbol" | "lots">>) {
    return this.read("OPEN", await this.trade("OPEN", order), readExecution);
  }

  async modify(fields: OrderFields & Required<Pick<OrderFields, "ticket">>) {
    return this.read("MODIFY", await this.trade("MODIFY", fields), readModify);
  }

  async close(fields: OrderFields & Required<Pick<OrderFields, "ticket">>) {
    return this.read("CLOSE", await this.trade("CLOSE", fields), readClose);
  }

  /** Closes `lots` of the trade; the EA gives the remainder a new ticket (see GET_OPEN_TRADES). */
  async closePartial(fields: OrderFields & Required<Pick<OrderFields, "ticket" | "lots">>) {
    return this.read("CLOSE_PARTIAL", await this.trade("CLOSE_PARTIAL", fields), readClose);
  }

  async closeMagic(magic: string | number | bigint) {
    return this.read("CLOSE_MAGIC", await this.trade("CLOSE_MAGIC", { magic }), readCloseAll);
  }

  async closeAll() {
    return this.read("CLOSE_ALL", await this.trade("CLOSE_ALL", {}), readCloseAll);
  }

  /** Every order in the terminal (pending and manual ones too). */
  async openTrades() {
    return this.read("GET_OPEN_TRADES", await this.trade("GET_OPEN_TRADES", {}), readOpenTrades);
  }

  async accountInfo() {
    return this.read("GET_ACCOUNT_INFO", await this.trade("GET_ACCOUNT_INFO", {}), readAccountInfo);
  }

  /**
   * Replaces the symbols whose prices the EA publishes (at most 10), and subscribes to exactly their topics. The list
   * is kept even when the EA does not answer: it is sent again after the next answered heartbeat.
   */
  async trackPrices(symbols: readonly string[]) {
    const commands = trackPricesCommand(symbols);
    this.trackedSymbols = [...symbols];
    this.market.trackPrices(symbols, this.sockets);
    return this.untilTracked(() => this.sendTrackPrices(commands));
  }

  /** Replaces the (symbol, timeframe) bar streams the EA publishes (at most 5); kept like trackPrices'. */
  async trackRates(streams: readonly RateStream[]) {
    const command = trackRatesCommand(streams);
    this.trackedRates = [...streams];
    this.market.trackRates(streams, this.sockets);
    return this.untilTracked(async () => this.read("TRACK_RATES", await this.request("TRACK_RATES", command), readTrack));
  }

  private async untilTracked<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      this.trackingStale = true;
      throw error;
    }
  }

  private async sendTrackPrices(commands: readonly string[]) {
    let last: ReturnType<typeof readTrack> | null = null;
    for (const command of commands) last = this.read("TRACK_PRICES", await this.request("TRACK_PRICES", command), readTrack);
    this.silence.tracked(this.trackedSymbols, Date.now());
    return last;
  }

  private trade(action: Exclude<Command, "HEARTBEAT" | "TRACK_PRICES" | "TRACK_RATES" | "HIST">, fields: OrderFields): Promise<Mt5Reply> {
    return this.request(action, tradeCommand({ ...fields, action }));
  }

  /** A reply the reader cannot make sense of leaves the outcome unknown, exactly like a missing reply. */
  private read<T>(command: Command, reply: Mt5Reply, reader: (reply: Mt5Reply) => T): T {
    try {
      const result = reader(reply);
      this.eaError = null;
      return result;
    } catch (error) {
      if (!(error instanceof Mt5ReplyError)) throw error;
      throw new Mt5NoReply(`MetaTrader's reply to ${command} could not be read (${error.message})`, command);
    }
  }

  /** Queues one command; it is sent when every earlier one has been answered or has timed out. */
  private request(command: Command, frame: string): Promise<Mt5Reply> {
    return this.queue.push(async () => {
      if (this.stopped) throw new Mt5BridgeStopped(`the MT5 bridge is stopped: ${command} was not sent`);
      if (this.needsResync) await this.resync(command);
      return this.exchange(command, frame);
    });
  }

  /** Sends a HEARTBEAT and waits for its reply: replies arrive in command order, so every late one is then behind us. */
  private async resync(command: Command): Promise<void> {
    try {
      await this.exchange("HEARTBEAT", heartbeatCommand());
      this.needsResync = false;
    } catch (error) {
      if (error instanceof Mt5CommandAborted) throw new Mt5CommandAborted(error.message.replace("HEARTBEAT", command), error.code);
      throw new Mt5Unreachable(`${command} was not sent: MetaTrader is still busy with an earlier command or not answering`);
    }
  }

  private async exchange(command: Command, frame: string): Promise<Mt5Reply> {
    const reply = this.matcher.expect(command, REPLY_ACTION[command]);
    reply.catch(() => undefined); // settled by a failed send before anyone awaits it
    try {
      await this.sockets.send(frame);
    } catch {
      this.matcher.fail(this.stopped ? new Mt5BridgeStopped(`the MT5 bridge is stopped: ${command} was not sent`) : new Mt5Unreachable(`${command} was not sent: the MetaTrader EA is not connected`));
      return reply;
    }
    const timeoutMs = this.timeouts.replyMs[command];
    const timer = setTimeout(() => {
      this.needsResync = true;
      this.matcher.fail(new Mt5NoReply(`MetaTrader did not answer ${command} within ${timeoutMs} ms`, command));
    }, timeoutMs);
    try {
      return await reply;
    } catch (error) {
      if (error instanceof Mt5CommandAborted) this.eaError = error.message;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private handleReply(frame: string): void {
    let reply: unknown;
    try {
      reply = parseDictLiteral(frame);
    } catch (error) {
      log.warn({ err: error, frame: frame.slice(0, 200) }, "dropped an EA reply that does not parse");
      return;
    }
    this.matcher.offer(reply);
  }

  private handleLinkUp(again: boolean): void {
    log.info({ again }, "connected to the MetaTrader EA");
    if (again) {
      this.eaRestarts += 1;
      this.trackingStale = true;
    }
    void this.greet();
  }

  /** The first heartbeat's reply can still be lost while the EA attaches our reply socket: try a few times. */
  private async greet(): Promise<void> {
    for (let attempt = 1; attempt <= GREETING_ATTEMPTS && !this.stopped; attempt++) {
      try {
        await this.heartbeat();
        return;
      } catch (error) {
        if (!(error instanceof Mt5NoReply)) return;
      }
    }
  }

  private handleLinkDown(): void {
    log.warn("lost the connection to the MetaTrader EA");
    this.connected = false;
    this.linkError = "Lost the connection to the MetaTrader EA; waiting for it to come back.";
  }

  private tick(): void {
    if (this.queue.size() === 0) this.heartbeat().catch(() => undefined);
    const silent = this.silence.silentSymbols(Date.now());
    if (silent.length > 0 && !this.refreshing) {
      log.info({ silent }, "tracked prices went silent; sending tracking again");
      this.trackingStale = true;
      void this.refreshTracking();
    }
  }

  private noteHeartbeatAnswered(): void {
    this.connected = true;
    this.lastHeartbeatAt = Date.now();
    this.linkError = null;
    if (this.heartbeatsFailing) this.trackingStale = true; // the EA may have restarted meanwhile and forgotten tracking
    this.heartbeatsFailing = false;
    if (this.trackingStale) void this.refreshTracking();
  }

  private noteHeartbeatFailed(error: unknown): void {
    if (error instanceof Mt5CommandAborted || error instanceof Mt5BridgeStopped) return;
    this.connected = false;
    this.heartbeatsFailing = true;
    this.linkError = error instanceof Mt5Unreachable ? "The MetaTrader EA is not reachable (is the terminal running with the ZeroMQ EA?)." : "The MetaTrader EA stopped answering heartbeats.";
  }

  /** Sends TRACK_PRICES / TRACK_RATES again (the EA forgets them on restart); at most one refresh at a time. */
  private refreshTracking(): Promise<void> {
    this.refreshing ??= this.sendTracking().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async sendTracking(): Promise<void> {
    this.trackingStale = false;
    try {
      if (this.trackedSymbols.length > 0) await this.sendTrackPrices(trackPricesCommand(this.trackedSymbols));
      if (this.trackedRates.length > 0) this.read("TRACK_RATES", await this.request("TRACK_RATES", trackRatesCommand(this.trackedRates)), readTrack);
      log.info({ symbols: this.trackedSymbols, rates: this.trackedRates.length }, "tracking sent to the EA again");
    } catch (error) {
      this.trackingStale = true;
      log.warn({ err: error }, "sending tracking to the EA again failed; retrying after the next heartbeat");
    }
  }
}
