import type { BacktestResult } from "@/lib/backtest/types";
import { decisionBar } from "./backtest-same-prints";
import type { LiveReplay } from "./live-replay";

export interface ComparableOrder {
  side: string;
  quantity: string;
  /** Open time of the bar whose close decided it. */
  bar: number;
}

export interface ComparableFill {
  side: string;
  quantity: string;
  price: string;
  fee: string;
  ts: number;
}

/** The runner names each order s-<symbol>-<decision bar open time>. */
export const liveDecisionBar = (clientOrderId: string) => Number(clientOrderId.slice(clientOrderId.lastIndexOf("-") + 1));

const fillOf = (f: ComparableFill): ComparableFill => ({ side: f.side, quantity: f.quantity, price: f.price, fee: f.fee, ts: f.ts });

export const liveOrders = (live: LiveReplay): ComparableOrder[] =>
  live.orders.map((o) => ({ side: o.side, quantity: o.quantity, bar: liveDecisionBar(o.clientOrderId) }));

export const backtestOrders = (backtest: BacktestResult, intervalMs: number): ComparableOrder[] =>
  backtest.orders.map((o) => ({ side: o.side, quantity: o.quantity, bar: decisionBar(backtest, o.ts, intervalMs) }));

export const liveFills = (live: LiveReplay): ComparableFill[] => live.fills.map(fillOf);
export const backtestFills = (backtest: BacktestResult): ComparableFill[] => backtest.fills.map(fillOf);
