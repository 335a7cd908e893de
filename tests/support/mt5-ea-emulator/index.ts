import { Decimal } from "decimal.js";
import type { Pull } from "zeromq";
import { handleCommand, type EaState, type GuardCode } from "./command-router";
import { EaSockets, type EaPorts } from "./ea-sockets";
import { MarketPublisher } from "./market-publisher";
import { Terminal, type EmulatedOrder, type SymbolInfo } from "./terminal";
import type { AccountDetails } from "./terminal-replies";

export type { EaPorts } from "./ea-sockets";
export type { GuardCode } from "./command-router";
export type { SymbolInfo } from "./terminal";

export interface EaEmulatorOptions {
  host?: string;
  /** Client-side names (see EaPorts); 0 or missing: a free port. */
  ports?: Partial<EaPorts>;
  /** EA setting, counted across the whole terminal. Default 1. */
  maxOrders?: number;
  /** EA setting. Default "0.01". */
  maxLotSize?: string;
  /** Default 9007199254740993 (2^53 + 1); each new ticket is 2 more. */
  firstTicket?: bigint;
  balance?: string;
  account?: Partial<AccountDetails>;
  /** The EA's publish period for unchanged-tick pushes and new bars. Default 500 ms. */
  publishIntervalMs?: number;
  now?: () => Date;
}

export interface EmulatorTrade {
  ticket: string;
  symbol: string;
  type: number;
  lots: string;
  openPrice: string;
  sl: string | null;
  tp: string | null;
  magic: string;
  comment: string;
}

export interface ManualTrade {
  symbol: string;
  type?: number;
  lots?: string;
  openPrice?: string;
  magic?: string;
  comment?: string;
}

export interface EaEmulator {
  readonly host: string;
  /** The port the client PUSHes commands to (EA PULL). */
  readonly pushPort: number;
  /** The port the client PULLs replies from (EA PUSH). */
  readonly pullPort: number;
  /** The port the client SUBscribes to (EA PUB). */
  readonly subPort: number;
  /** Every command string received, in order, answered or not. */
  commands(): string[];
  /** Every order in the terminal. */
  trades(): EmulatorTrade[];
  /** A tick: published at once if the symbol is tracked and the value changed; resolves once sent. */
  setPrice(symbol: string, bid: string, ask: string): Promise<void>;
  setSymbolInfo(symbol: string, info: SymbolInfo): void;
  /** An order the trader placed by hand in the terminal (it counts toward the maximum open orders). */
  addManualTrade(trade: ManualTrade): string;
  configure(settings: { maxOrders?: number; maxLotSize?: string }): void;
  /** The TRACK_* lists the EA currently publishes. */
  tracked(): { prices: string[]; rates: string[] };
  /** EA down: the three sockets close (their ports stay reserved for up()). */
  down(): Promise<void>;
  up(): Promise<void>;
  /** EA restart: sockets closed and rebound, the TRACK_* lists forgotten; orders stay in the terminal. */
  restart(): Promise<void>;
  /** Each reply waits this long after its command was executed (0: off). */
  slowReplies(ms: number): void;
  /** The next recognised command is executed but its reply is never sent. */
  dropNextReply(): void;
  /** While set, every recognised command gets this guard reply instead of being executed. */
  disableTrading(guard: GuardCode | null): void;
  /** The next market CLOSE fails with this MT code, and its reply still ends with 'SUCCESS'. */
  failNextClose(code?: string): void;
  close(): Promise<void>;
}

/** A DWX v2.0.1 EA on 127.0.0.1, quirks included; see README "MT5 EA emulator". */
export async function startEaEmulator(options: EaEmulatorOptions = {}): Promise<EaEmulator> {
  const host = options.host ?? "127.0.0.1";
  const terminal = new Terminal(
    { maxOrders: options.maxOrders ?? 1, maxLotSize: new Decimal(options.maxLotSize ?? "0.01") },
    new Decimal(options.balance ?? "10000"), options.firstTicket ?? 9007199254740993n, options.now ?? (() => new Date()),
  );
  const sockets = new EaSockets(host, { push: 0, pull: 0, sub: 0, ...options.ports });
  const publisher = new MarketPublisher(terminal, (frame) => void sockets.publish(frame));
  const state: EaState = {
    terminal, publisher, faults: { failNextClose: null }, guard: null,
    account: { number: "20240001", name: "EA Emulator Demo", leverage: 100, ...options.account },
  };
  const received: string[] = [];
  const control = { replyDelayMs: 0, dropNext: false };
  let serving: Promise<void> = Promise.resolve();

  const up = async () => {
    if (sockets.isUp) return;
    const commands = await sockets.bind();
    serving = serve(commands, state, sockets, received, control);
  };
  const down = async () => {
    await sockets.close();
    await serving;
  };
  await up();
  const timer = setInterval(() => publisher.publishChanges(), options.publishIntervalMs ?? 500);
  timer.unref();

  return {
    host,
    get pushPort() { return sockets.ports.push; },
    get pullPort() { return sockets.ports.pull; },
    get subPort() { return sockets.ports.sub; },
    commands: () => [...received],
    trades: () => [...terminal.orders.values()].map(tradeView),
    setPrice: (symbol, bid, ask) => {
      terminal.setQuote(symbol, { bid: new Decimal(bid), ask: new Decimal(ask) });
      publisher.publishPrice(symbol);
      return sockets.idle();
    },
    setSymbolInfo: (symbol, info) => terminal.setSymbolInfo(symbol, info),
    addManualTrade: (trade) => addManualTrade(terminal, trade),
    configure: ({ maxOrders, maxLotSize }) => {
      if (maxOrders !== undefined) terminal.settings.maxOrders = maxOrders;
      if (maxLotSize !== undefined) terminal.settings.maxLotSize = new Decimal(maxLotSize);
    },
    tracked: () => publisher.tracked(),
    down, up,
    restart: async () => {
      await down();
      publisher.forget();
      await up();
    },
    slowReplies: (ms) => { control.replyDelayMs = ms; },
    dropNextReply: () => { control.dropNext = true; },
    disableTrading: (guard) => { state.guard = guard; },
    failNextClose: (code = "138") => { state.faults.failNextClose = code; },
    close: async () => {
      clearInterval(timer);
      await down();
    },
  };
}

/** The EA's loop: one command at a time, executed, then (maybe late, maybe never) answered. */
async function serve(commands: Pull, state: EaState, sockets: EaSockets, received: string[], control: { replyDelayMs: number; dropNext: boolean }): Promise<void> {
  for (;;) {
    let frame: Buffer;
    try {
      [frame] = await commands.receive();
    } catch {
      return; // socket closed: EA down
    }
    const command = frame.toString("utf8");
    received.push(command);
    const reply = handleCommand(state, command);
    if (reply === null) continue;
    if (control.replyDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, control.replyDelayMs));
    if (control.dropNext) {
      control.dropNext = false;
      continue;
    }
    await sockets.sendReply(reply);
  }
}

function addManualTrade(terminal: Terminal, trade: ManualTrade): string {
  const quote = terminal.quote(trade.symbol);
  if (!quote) throw new Error(`unknown symbol ${trade.symbol}`);
  const type = trade.type ?? 0;
  const market = type === 0 ? quote.ask : quote.bid;
  const order = terminal.add({
    symbol: trade.symbol, type, lots: new Decimal(trade.lots ?? "0.01"), openPrice: new Decimal(trade.openPrice ?? market),
    openTime: terminal.now(), sl: null, tp: null, magic: trade.magic ?? "0", comment: trade.comment ?? "",
  });
  return order.ticket.toString();
}

function tradeView(order: EmulatedOrder): EmulatorTrade {
  return {
    ticket: order.ticket.toString(), symbol: order.symbol, type: order.type, lots: order.lots.toFixed(), openPrice: order.openPrice.toFixed(),
    sl: order.sl?.toFixed() ?? null, tp: order.tp?.toFixed() ?? null, magic: order.magic, comment: order.comment,
  };
}
