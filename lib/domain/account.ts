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

export interface RiskLimits {
  maxOrderNotional: string;
  /** Fraction of equity one position may reach, e.g. "0.25". */
  maxPositionFraction: string;
}

export interface RiskView {
  accountId: string;
  state: RiskStateName;
  reason: string | null;
  updatedAt: number;
  limits: RiskLimits;
}
