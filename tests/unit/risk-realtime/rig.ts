import type { RiskLimits, RiskStateName } from "@/lib/domain/account";
import { dec } from "@/lib/domain/money";
import type { Fill, OrderType } from "@/lib/domain/order";
import { RiskState } from "@/lib/engine/risk-state";
import { Portfolio } from "@/lib/portfolio/portfolio";
import { createPreTradeGate, type GateDecision } from "@/lib/risk/pre-trade-gate";
import { closingOrders } from "@/lib/risk/realtime/closing-orders";
import type { EquityMarks } from "@/lib/risk/realtime/equity-baselines";
import type { RiskPause } from "@/lib/risk/realtime/pause-book";
import { RiskController } from "@/lib/risk/realtime/risk-controller";
import type { RiskTransition } from "@/lib/risk/realtime/risk-levels";
import { RiskMonitor } from "@/lib/risk/realtime/risk-monitor";
import { BTC, ETH, intent, newOrder } from "../trading/fixtures";
import { ctx } from "../trading/risk-fixtures";

/** What the database would hold: the rig's restart rebuilds everything from it, as the engine's start does. */
export interface Memory {
  state: { state: RiskStateName; reason: string | null; updatedAt: number };
  pauses: RiskPause[];
  marks: EquityMarks | null;
  events: string[];
  audits: { actor: string; action: string }[];
  transitions: RiskTransition[];
  canceled: number;
}

export const freshMemory = (): Memory => ({ state: { state: "ACTIVE", reason: null, updatedAt: 0 }, pauses: [], marks: null, events: [], audits: [], transitions: [], canceled: 0 });

export const T0 = Date.UTC(2026, 0, 7, 12, 0, 0);
const gate = createPreTradeGate();
let fillSeq = 0;

/** The real-time loop (monitor + controller) over a real portfolio and RiskState, with in-memory persistence. */
export class Rig {
  readonly risk: RiskState;
  readonly monitor: RiskMonitor;
  readonly controller: RiskController;
  now: number;

  constructor(readonly limits: RiskLimits, readonly memory: Memory = freshMemory(), readonly portfolio = new Portfolio({ initialCash: "100000", instruments: [BTC, ETH] }), now = T0) {
    this.now = now;
    const { state, reason, updatedAt } = memory.state;
    this.risk = new RiskState("acc-1", limits, state, reason, updatedAt);
    for (const pause of memory.pauses) if (pause.until > now) this.risk.pauses.add(pause);
    this.monitor = new RiskMonitor({
      risk: this.risk, portfolio: this.portfolio, accountId: "acc-1",
      trip: (request) => void this.controller.trip(request),
      paused: (pause) => memory.pauses.push(pause),
      baselinesChanged: (marks) => (memory.marks = marks),
    }, { marks: memory.marks }, now);
    this.controller = new RiskController("acc-1", this.risk, {
      persist: async (stored) => void (memory.state = stored),
      recordEvent: async (event) => void memory.events.push(event.code),
      audit: async (entry) => void memory.audits.push({ actor: entry.actor, action: entry.action }),
      publish: () => undefined,
      cancelAll: async () => ++memory.canceled,
      flatten: async (actor) => {
        for (const command of closingOrders(this.portfolio.positionViews("acc-1"), "acc-1", actor)) {
          if (this.order(command.symbol, command.side, command.quantity).approved) this.fill(command.symbol, command.side, command.quantity, this.price(command.symbol));
        }
      },
      transitioned: (t) => void memory.transitions.push(t),
    }, () => this.monitor.rearmed());
  }

  price(symbol: string): string {
    return this.portfolio.markPrice(symbol)?.toFixed() ?? "50000";
  }

  print(symbol: string, price: number, afterMs = 100): void {
    this.now += afterMs;
    this.portfolio.mark(symbol, price, this.now);
    this.monitor.onPrint(symbol, price, this.now);
  }

  /** A venue fill, shown to the monitor before the portfolio applies it, as the engine's router does. */
  fill(symbol: string, side: Fill["side"], quantity: string, price: string, type: OrderType = "MARKET", orderId?: string): void {
    fillSeq += 1;
    const order = newOrder({ id: orderId ?? `o-fill-${fillSeq}`, symbol, side, type, quantity });
    const fill: Fill = { id: `f-${fillSeq}`, orderId: order.id, clientOrderId: order.clientOrderId, accountId: "acc-1", symbol, side, quantity, price, fee: "0", liquidity: "TAKER", ts: this.now };
    this.monitor.onBrokerEvents([{ type: "fill", order, fill }], this.now);
    this.portfolio.applyFill(fill);
  }

  venueReject(): void {
    this.monitor.onBrokerEvents([{ type: "rejected", order: newOrder({ status: "REJECTED" }), reason: "NO_MARKET_PRICE" }], this.now);
  }

  /** What the real pre-trade gate says to a new order now. */
  order(symbol: string, side: Fill["side"], quantity: string): GateDecision {
    const instrument = symbol === "ETHUSDT" ? ETH : BTC;
    const price = Number(this.price(symbol));
    return gate(ctx({
      instrument, referencePrice: price, positionQuantity: this.portfolio.positionQuantity(symbol), equity: this.portfolio.equity(),
      cash: this.portfolio.cash(), limits: { ...this.limits, maxOrderNotional: "1000000000", maxPositionFraction: "1000" }, state: this.risk.current(),
      now: this.now, pausedUntil: (s) => this.risk.pausedUntil(s, this.now),
    }), intent({ symbol, side, quantity }));
  }

  /** Stop (pending transitions done, newest peak saved) and start again from what was persisted. */
  async restart(): Promise<Rig> {
    await this.controller.idle();
    this.monitor.flush();
    return new Rig(this.limits, this.memory, this.portfolio, this.now);
  }

  snapshot() {
    return { state: this.risk.stored(), pauses: this.risk.pauses.active(this.now), marks: this.monitor.marks() };
  }
}

export const dailyLimits = (overrides: Partial<RiskLimits> = {}): RiskLimits => ({
  maxOrderNotional: "1000000", maxPositionFraction: "10", maxDailyLossFraction: "0.005", maxDrawdownFraction: "0.1",
  staleDataMs: 30_000, rejectBurst: { count: 3, windowMs: 60_000 }, ...overrides,
});

export { dec };
