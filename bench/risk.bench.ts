import type { RiskLimits } from "@/lib/domain/account";
import { DEFAULT_INSTRUMENTS, type Instrument } from "@/lib/domain/instrument";
import { dec } from "@/lib/domain/money";
import type { Order, OrderIntent, OrderSide, OrderType } from "@/lib/domain/order";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { marketValue } from "@/lib/portfolio/position";
import { grossExposureExcept, openOrdersValue } from "@/lib/risk/checks/exposure";
import { instrumentCheck, priceCheck, quantityCheck } from "@/lib/risk/checks/instrument";
import { killSwitchCheck } from "@/lib/risk/checks/kill-switch";
import { maxOrderNotionalCheck } from "@/lib/risk/checks/max-order-notional";
import { maxPositionCheck } from "@/lib/risk/checks/max-position";
import { reduceOnlyCheck } from "@/lib/risk/checks/reduce-only";
import { referencePriceCheck } from "@/lib/risk/checks/reference-price";
import { OrderWindow } from "@/lib/risk/order-window";
import type { PreTradeContext } from "@/lib/risk/pre-trade-context";
import { createPreTradeGate, DEFAULT_PRE_TRADE_CHECKS, type PreTradeGate } from "@/lib/risk/pre-trade-gate";
import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatMicros, formatRate } from "./harness/format";
import type { LatencySummary } from "./harness/stats";
import { latencyOf } from "./models/latency";

export const name = "risk";

const TITLE = "Pre-trade gate latency per order: every check on vs the first eight checks";
const TARGET_US = 50;
const TARGET = `p99 per order with every check on < ${TARGET_US} µs (one core)`;
const ORDERS = 50_000;
const RESTING_ORDERS = 40;
const RECENT_ORDERS = 50;
const NOW = Date.UTC(2026, 0, 7, 12, 0, 0);
const PRICES: Record<string, number> = { BTCUSDT: 50_000, ETHUSDT: 3_000, SOLUSDT: 100 };
/** The gate as it was before the full risk engine: the baseline in the same run. */
const ORIGINAL_CHECKS = [killSwitchCheck, instrumentCheck, quantityCheck, priceCheck, referencePriceCheck, reduceOnlyCheck, maxOrderNotionalCheck, maxPositionCheck];

/** Every limit set, loose enough that most orders run the whole list (the slow path), as a live account's would be. */
const LIMITS: RiskLimits = {
  maxOrderNotional: "50000", maxPositionFraction: "0.3", maxOrderQuantity: "1000", maxTotalPositionFraction: "0.9",
  maxOpenOrdersNotional: "1000000", priceCollarFraction: "0.05", duplicateWindowMs: 2_000, maxOrdersPerMinute: 10_000,
  maxOrdersPerMinutePerStrategy: 10_000, allowedSymbols: ["BTCUSDT", "ETHUSDT", "SOLUSDT"],
  tradingSessions: [{ days: [1, 2, 3, 4, 5], from: "00:00", to: "23:59" }], perSymbol: { BTCUSDT: { maxOrderQuantity: "2" } },
};

interface Account {
  instruments: Map<string, Instrument>;
  portfolio: Portfolio;
  resting: Order[];
  window: OrderWindow;
}

/** An account with a position in every symbol, resting orders and a minute of order history. */
function account(): Account {
  const portfolio = new Portfolio({ initialCash: 1_000_000, instruments: DEFAULT_INSTRUMENTS });
  const instruments = new Map(DEFAULT_INSTRUMENTS.map((i) => [i.symbol, i]));
  const symbols = Object.keys(PRICES);
  symbols.forEach((symbol, i) => {
    portfolio.applyFill({ id: `f-${i}`, orderId: `o-${i}`, clientOrderId: `c-${i}`, accountId: "bench", symbol, side: "BUY", quantity: String(1 + i), price: String(PRICES[symbol]), fee: "0", liquidity: "TAKER", ts: NOW });
    portfolio.mark(symbol, PRICES[symbol] * 1.01);
  });
  const resting = Array.from({ length: RESTING_ORDERS }, (_, i) => order(intentAt(i), i));
  const window = new OrderWindow();
  for (let i = 0; i < RECENT_ORDERS; i++) window.record(intentAt(ORDERS + i), NOW - 50_000 + i * 1_000);
  return { instruments, portfolio, resting, window };
}

function intentAt(i: number): OrderIntent {
  const symbol = Object.keys(PRICES)[i % 3];
  const type: OrderType = (["MARKET", "LIMIT", "STOP"] as const)[i % 3 === 0 ? 0 : (i >> 1) % 3];
  const side: OrderSide = i % 2 === 0 ? "BUY" : "SELL";
  const lot = DEFAULT_INSTRUMENTS.find((x) => x.symbol === symbol)!.lotSize;
  const quantity = dec(lot).mul(1 + (i % 97)).toFixed();
  const price = type === "MARKET" ? undefined : dec(PRICES[symbol]).mul(side === "BUY" ? 0.99 : 1.01).toFixed();
  return { clientOrderId: `b-${i}`, accountId: "bench", symbol, side, type, quantity, price, timeInForce: "GTC", source: "strategy", strategyId: `strategy:s${i % 4}` };
}

function order(intent: OrderIntent, i: number): Order {
  return { ...intent, type: "LIMIT", price: intent.price ?? String(PRICES[intent.symbol]), id: `r-${i}`, status: "ACCEPTED", filledQuantity: "0", averageFillPrice: null, rejectReason: null, venue: "paper", createdAt: NOW, updatedAt: NOW };
}

/** The context exactly as OrderRouter builds it per intent. */
function contextFor(a: Account, symbol: string): PreTradeContext {
  const { portfolio } = a;
  return {
    instrument: a.instruments.get(symbol), referencePrice: PRICES[symbol], positionQuantity: portfolio.positionQuantity(symbol),
    equity: portfolio.equity(), limits: LIMITS, state: "ACTIVE", now: NOW, cash: portfolio.cash(),
    openOrders: openOrdersValue(a.resting, (s) => PRICES[s] ?? null),
    otherSymbolsExposure: grossExposureExcept(a.instruments.keys(), symbol, (s) => {
      const position = portfolio.position(s);
      return position === undefined ? null : marketValue(position, portfolio.markPrice(s));
    }),
    recentOrders: a.window,
  };
}

/** Share of the orders the gate approves: approved orders run every check, so the share says how deep the timing went. */
function approvedShare(gate: PreTradeGate, intents: readonly OrderIntent[], contexts: ReadonlyMap<string, PreTradeContext>): number {
  return intents.filter((intent) => gate(contexts.get(intent.symbol)!, intent).approved).length / intents.length;
}

function gateLatency(gate: PreTradeGate, intents: readonly OrderIntent[], contexts: ReadonlyMap<string, PreTradeContext>): LatencySummary {
  let approved = 0;
  const latency = latencyOf(intents.length, (i) => {
    if (gate(contexts.get(intents[i].symbol)!, intents[i]).approved) approved += 1;
  });
  if (approved === 0) throw new Error("the gate approved nothing: the benchmark would time only the first check");
  return latency;
}

function contextAndGateLatency(gate: PreTradeGate, a: Account, intents: readonly OrderIntent[]): LatencySummary {
  return latencyOf(intents.length, (i) => void gate(contextFor(a, intents[i].symbol), intents[i]));
}

/** Per-order latency of the full gate beside the original eight checks on the same orders and contexts. */
export async function run(): Promise<BenchResult> {
  const a = account();
  const intents = Array.from({ length: ORDERS }, (_, i) => intentAt(i));
  const contexts = new Map(Object.keys(PRICES).map((symbol) => [symbol, contextFor(a, symbol)]));
  const full = createPreTradeGate();
  const original = createPreTradeGate(ORIGINAL_CHECKS);
  const baseline = gateLatency(original, intents, contexts);
  const every = gateLatency(full, intents, contexts);
  const withContext = contextAndGateLatency(full, a, intents);
  const shares = { original: approvedShare(original, intents, contexts), full: approvedShare(full, intents, contexts) };
  const met = every.p99Us < TARGET_US;
  return {
    name,
    title: TITLE,
    environment: currentEnvironment(),
    table: table(baseline, every, withContext, met),
    target: { description: TARGET, met },
    notes: notes(every, baseline, withContext, shares, met),
    figures: { orders: ORDERS, restingOrders: RESTING_ORDERS, recentOrders: RECENT_ORDERS, checks: { original: ORIGINAL_CHECKS.length, full: DEFAULT_PRE_TRADE_CHECKS.length }, targetUs: TARGET_US, targetMet: met, approvedShare: shares, latencyUs: { original: baseline, full: every, fullWithContext: withContext } },
  };
}

function table(baseline: LatencySummary, every: LatencySummary, withContext: LatencySummary, met: boolean) {
  const row = (label: string, s: LatencySummary, target: string) => [label, formatRate(s.samples), formatMicros(s.p50Us), formatMicros(s.p99Us), formatMicros(s.p999Us), formatMicros(s.maxUs), target];
  return {
    columns: ["per order", "orders", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "p99 target"],
    rows: [
      row(`original ${ORIGINAL_CHECKS.length} checks (baseline)`, baseline, "-"),
      row(`every check (${DEFAULT_PRE_TRADE_CHECKS.length})`, every, `< ${TARGET_US} µs: ${met ? "met" : "NOT met"}`),
      row("context built as the router does + every check", withContext, "-"),
    ],
  };
}

function notes(every: LatencySummary, baseline: LatencySummary, withContext: LatencySummary, shares: { original: number; full: number }, met: boolean): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  return [
    `Orders: ${formatRate(ORDERS)} intents over BTCUSDT/ETHUSDT/SOLUSDT, market, limit and stop, both sides, varied sizes; every limit set (sessions, allowed symbols, per-symbol overrides, collar, duplicates, order rate, position and total exposure, open orders, buying power). ${pct(shares.full)} pass every check (${pct(shares.original)} pass the original eight): a refused order stops early and is cheaper, so this share keeps the figure honest.`,
    `Account: a position in each symbol, ${RESTING_ORDERS} resting orders, ${RECENT_ORDERS} orders in the last minute in the OrderWindow. The first two rows time the gate call alone on a context built once per symbol; the third also builds the context per order as OrderRouter does (equity, open orders' value, other symbols' exposure: decimal work that grows with open orders and positions).`,
    `Each call timed with process.hrtime.bigint around it (included), after a warm-up; single thread. Every check costs p50 ${formatMicros(every.p50Us - baseline.p50Us)} µs over the original eight; building the context adds ${formatMicros(withContext.p50Us - every.p50Us)} µs at p50.`,
    `Target ${met ? "met" : "NOT met"}: every check p99 ${formatMicros(every.p99Us)} µs (baseline ${formatMicros(baseline.p99Us)} µs).`,
  ];
}
