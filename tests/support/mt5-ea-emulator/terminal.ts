import { Decimal } from "decimal.js";
import { isBuyType } from "@/lib/venues/mt5/commands";

/** The emulated MetaTrader terminal: symbols and quotes, every order in it (ours and manual ones), the account. */

export interface SymbolInfo {
  digits: number;
  point: string;
  lotStep: string;
}

export interface Quote {
  bid: Decimal;
  ask: Decimal;
}

export interface EmulatedOrder {
  ticket: bigint;
  symbol: string;
  /** 0 BUY, 1 SELL, 2-5 pending. */
  type: number;
  lots: Decimal;
  openPrice: Decimal;
  openTime: Date;
  sl: Decimal | null;
  tp: Decimal | null;
  magic: string;
  comment: string;
}

export interface TerminalSettings {
  /** Counted across the whole terminal, pending and manual orders included. */
  maxOrders: number;
  maxLotSize: Decimal;
}

const CONTRACT_SIZE = 100_000;

export const DEFAULT_SYMBOLS: Record<string, SymbolInfo & { bid: string; ask: string }> = {
  EURUSD: { digits: 5, point: "0.00001", lotStep: "0.01", bid: "1.10000", ask: "1.10020" },
  GBPUSD: { digits: 5, point: "0.00001", lotStep: "0.01", bid: "1.25000", ask: "1.25030" },
  USDJPY: { digits: 3, point: "0.001", lotStep: "0.01", bid: "150.000", ask: "150.020" },
};

export class Terminal {
  readonly orders = new Map<string, EmulatedOrder>();
  private readonly symbols = new Map<string, SymbolInfo>();
  private readonly quotes = new Map<string, Quote>();
  private nextTicket: bigint;

  constructor(
    readonly settings: TerminalSettings,
    public balance: Decimal,
    firstTicket: bigint,
    readonly now: () => Date,
  ) {
    this.nextTicket = firstTicket;
    for (const [symbol, { bid, ask, ...info }] of Object.entries(DEFAULT_SYMBOLS)) {
      this.symbols.set(symbol, info);
      this.quotes.set(symbol, { bid: new Decimal(bid), ask: new Decimal(ask) });
    }
  }

  /** Odd numbers above 2^53 have no exact double: a client that used floats would get every ticket wrong. */
  newTicket(): bigint {
    const ticket = this.nextTicket;
    this.nextTicket += 2n;
    return ticket;
  }

  symbol(symbol: string): SymbolInfo | undefined {
    return this.symbols.get(symbol);
  }

  setSymbolInfo(symbol: string, info: SymbolInfo): void {
    this.symbols.set(symbol, info);
    if (!this.quotes.has(symbol)) this.quotes.set(symbol, { bid: new Decimal(1), ask: new Decimal(1) });
  }

  quote(symbol: string): Quote | undefined {
    return this.quotes.get(symbol);
  }

  /** A tick: pending orders whose price is reached become market orders under the same ticket. */
  setQuote(symbol: string, quote: Quote): void {
    this.quotes.set(symbol, quote);
    for (const order of this.orders.values()) {
      if (order.symbol === symbol && isTriggered(order, quote)) order.type = isBuyType(order.type) ? 0 : 1;
    }
  }

  add(order: Omit<EmulatedOrder, "ticket">): EmulatedOrder {
    const placed = { ...order, ticket: this.newTicket() };
    this.orders.set(placed.ticket.toString(), placed);
    return placed;
  }

  /** Profit of a market order if closed now (quote currency, no conversion: an emulator, not a broker). */
  profit(order: EmulatedOrder): Decimal {
    if (order.type > 1) return new Decimal(0);
    return this.closePrice(order).minus(order.openPrice).mul(order.type === 0 ? 1 : -1).mul(order.lots).mul(CONTRACT_SIZE);
  }

  closePrice(order: EmulatedOrder): Decimal {
    const quote = this.quotes.get(order.symbol)!;
    return order.type === 0 ? quote.bid : quote.ask;
  }

  equity(): Decimal {
    let equity = this.balance;
    for (const order of this.orders.values()) equity = equity.plus(this.profit(order));
    return equity;
  }
}

function isTriggered(order: EmulatedOrder, { bid, ask }: Quote): boolean {
  switch (order.type) {
    case 2: return ask.lte(order.openPrice);
    case 3: return bid.gte(order.openPrice);
    case 4: return ask.gte(order.openPrice);
    case 5: return bid.lte(order.openPrice);
    default: return false;
  }
}
