/** The portfolio as plain JSON (decimal strings), for the engine to store and rebuild from. */
export interface PositionSnapshot {
  symbol: string;
  quantity: string;
  costBasis: string;
  realizedPnl: string;
  updatedAt: number;
}

export interface PortfolioSnapshot {
  version: 1;
  currency: string;
  initialCash: string;
  cash: string;
  fees: string;
  positions: PositionSnapshot[];
  /** Last mark per symbol, as the feed sent it. */
  marks: Record<string, number>;
  updatedAt: number;
}
