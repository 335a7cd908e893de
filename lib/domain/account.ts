export type RiskStateName = "ACTIVE" | "REDUCING" | "HALTED";

/** Decimal strings throughout: the browser displays them, it never does arithmetic on money. */
export interface PositionView {
  accountId: string;
  symbol: string;
  /** Signed: negative is short. */
  quantity: string;
  averagePrice: string;
  markPrice: string | null;
  marketValue: string;
  unrealizedPnl: string;
  realizedPnl: string;
  updatedAt: number;
}

export interface AccountView {
  accountId: string;
  currency: string;
  cash: string;
  equity: string;
  unrealizedPnl: string;
  realizedPnl: string;
  fees: string;
  startOfDayEquity: string;
  todayPnl: string;
  updatedAt: number;
}

export interface EquityPoint {
  ts: number;
  equity: string;
}

/** A UTC window in which orders may be sent: days 0 (Sunday) to 6, times "HH:MM" (to exclusive; to < from spans midnight). */
export interface TradingSession {
  days: number[];
  from: string;
  to: string;
}

/** Per-instrument overrides of the account-wide order and position limits. */
export interface SymbolLimits {
  maxOrderQuantity?: string;
  maxOrderNotional?: string;
  maxPositionFraction?: string;
}

/** Pauses in the style of freqtrade's protections, applied by the real-time risk loop. */
export interface RiskProtections {
  /** Pause a symbol for pauseMs after `count` stop-loss exits within windowMs. */
  stoplossGuard?: { count: number; windowMs: number; pauseMs: number };
  /** No new entry on a symbol for this long after a position in it was closed. */
  cooldownAfterExitMs?: number;
  /** Pause all entries for pauseMs when realised profit over windowMs is below minProfitFraction of equity. */
  lowProfit?: { windowMs: number; minProfitFraction: string; pauseMs: number };
}

/**
 * The account's risk limits. Decimal strings are fractions of equity or quote-currency amounts. Every limit but the
 * first two is optional: one left out is not checked (a backtest passes only those it asks for; the live engine
 * always has all of them, from config defaults and what an admin stored).
 */
export interface RiskLimits {
  maxOrderNotional: string;
  /** Fraction of equity one position may reach, e.g. "0.01". */
  maxPositionFraction: string;
  maxOrderQuantity?: string;
  /** Gross exposure (sum of |position value| over all symbols) as a fraction of equity. */
  maxTotalPositionFraction?: string;
  /** Value of all open orders together, quote currency. */
  maxOpenOrdersNotional?: string;
  /** A limit or stop price further than this fraction from the reference price is refused. */
  priceCollarFraction?: string;
  /** Same account, symbol, side, quantity and price within this window is a duplicate. */
  duplicateWindowMs?: number;
  maxOrdersPerMinute?: number;
  maxOrdersPerMinutePerStrategy?: number;
  /** Only these symbols may be traded; absent = every known instrument. */
  allowedSymbols?: string[];
  /** Orders only inside one of these windows; absent = always. */
  tradingSessions?: TradingSession[];
  perSymbol?: Record<string, SymbolLimits>;
  /** Loss since the start of the UTC day, as a fraction of start-of-day equity, that halts trading. */
  maxDailyLossFraction?: string;
  /** Fall from peak equity, as a fraction of the peak, that halts trading. */
  maxDrawdownFraction?: string;
  /** Market data older than this (ms) moves the account to REDUCING. */
  staleDataMs?: number;
  /** This many rejected orders within windowMs moves the account to REDUCING. */
  rejectBurst?: { count: number; windowMs: number };
  /** Close every position when trading halts automatically. */
  flattenOnHalt?: boolean;
  protections?: RiskProtections;
}

export interface RiskView {
  accountId: string;
  state: RiskStateName;
  reason: string | null;
  updatedAt: number;
  limits: RiskLimits;
}
