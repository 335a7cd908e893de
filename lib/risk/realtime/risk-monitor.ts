import type { Decimal } from "decimal.js";
import type { RiskLimits } from "@/lib/domain/account";
import { dec } from "@/lib/domain/money";
import type { BrokerEvent } from "@/lib/execution/broker";
import type { RiskState } from "@/lib/engine/risk-state";
import { EquityBaselines, type EquityMarks } from "./equity-baselines";
import { MarkedPositions, type PortfolioReader } from "./marked-positions";
import type { RiskPause } from "./pause-book";
import { Protections } from "./protections";
import { RejectBurst } from "./reject-burst";
import { severity, type TripCode, type TripRequest } from "./risk-levels";

// Below this relative distance from a limit the float estimate is not trusted and the exact decimal check decides.
const ESTIMATE_MARGIN = 1e-9;
// A rising peak is saved at most this often (and on stop): a crash forgets at most this much of a new high.
const PEAK_SAVE_MS = 5_000;
// Stale data is a matter of seconds: looking at every open position once per this many ms is enough.
const STALE_SCAN_MS = 100;
const HALTED = severity("HALTED");
const REDUCING = severity("REDUCING");

export interface RiskMonitorDeps {
  risk: RiskState;
  portfolio: PortfolioReader;
  accountId: string;
  /** Asks for a transition; the controller applies it later, the monitor does not wait. */
  trip(request: TripRequest): void;
  /** A protection paused entries: persist and record it. */
  paused(pause: RiskPause): void;
  /** New day, higher peak or a re-arm: persist the baselines. */
  baselinesChanged(marks: EquityMarks): void;
}

/** Limits parsed once per change of the limits object, not per print. */
interface HotLimits {
  dailyLoss: number;
  drawdown: number;
  staleDataMs: number;
}

/**
 * The real-time risk loop: on every print (and a timer), fill and venue rejection it checks daily loss, drawdown,
 * stale data and reject bursts, asks for trips towards more restrictive states, and runs the protections.
 * Per print it does float arithmetic only; decimals decide whenever a limit is close.
 */
export class RiskMonitor {
  private readonly positions: MarkedPositions;
  private readonly baselines: EquityBaselines;
  private readonly protections: Protections;
  private readonly rejects = new RejectBurst();
  private readonly unsynced = new Set<string>();
  private requested = 0;
  private limitsSeen: RiskLimits | null = null;
  private hot: HotLimits = { dailyLoss: Number.NaN, drawdown: Number.NaN, staleDataMs: Number.NaN };
  private peakSavedAt = 0;
  private peakUnsaved = false;
  private staleScannedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: RiskMonitorDeps, stored: { marks: EquityMarks | null }, at: number) {
    const { portfolio } = deps;
    this.positions = new MarkedPositions(at);
    this.positions.sync(portfolio, portfolio.positionViews(deps.accountId).map((p) => p.symbol));
    this.baselines = stored.marks === null ? EquityBaselines.fresh(portfolio.equity(), at) : new EquityBaselines(stored.marks);
    this.protections = new Protections(portfolio, (pause) => this.addPause(pause), at);
    if (stored.marks === null) deps.baselinesChanged(this.baselines.stored());
  }

  /** Every print, after the portfolio was marked. */
  onPrint(symbol: string, price: number, at: number): void {
    this.positions.mark(symbol, price, at);
    this.evaluate(at);
  }

  /** On a timer: stale data is noticed even when no print arrives at all. */
  check(at: number): void {
    this.evaluate(at);
  }

  /** The venue's events, before the router applies them to the portfolio. */
  onBrokerEvents(events: readonly BrokerEvent[], at: number): void {
    const limits = this.deps.risk.limits;
    for (const event of events) {
      if (event.type === "fill") {
        this.protections.onFill(event.order, event.fill, limits.protections, at);
        this.unsynced.add(event.fill.symbol);
      } else if (event.type === "rejected" && limits.rejectBurst && this.rejects.record(at, limits.rejectBurst)) {
        const { count, windowMs } = limits.rejectBurst;
        this.request("REDUCING", "REJECT_BURST", `${count} orders rejected by the venue within ${windowMs} ms (last: ${event.reason})`, at);
      }
    }
  }

  /** After a re-arm: trips may fire again, and loss and drawdown count from the equity now. */
  rearmed(): void {
    this.requested = 0;
    this.rejects.reset();
    this.baselines.rebase(this.deps.portfolio.equity());
    this.peakUnsaved = false;
    this.deps.baselinesChanged(this.baselines.stored());
  }

  startOfDayEquity(at: number): Decimal {
    this.rollDay(at);
    return this.baselines.startOfDay;
  }

  /** How far equity is below its peak, 0..1 (the metrics gauge). */
  drawdownRatio(): number {
    const peak = this.baselines.peakFloat;
    return peak > 0 ? Math.max(0, (peak - this.deps.portfolio.equity().toNumber()) / peak) : 0;
  }

  marks(): EquityMarks {
    return this.baselines.stored();
  }

  /** On stop: the newest peak is saved. */
  flush(): void {
    if (this.peakUnsaved) this.saveBaselines(Date.now());
  }

  private evaluate(at: number): void {
    if (this.unsynced.size > 0) this.syncFills(at);
    const hot = this.hotLimits();
    this.rollDay(at);
    const equity = this.positions.equityEstimate();
    if (this.baselines.raisePeak(equity)) this.peakUnsaved = true;
    if (this.peakUnsaved && at - this.peakSavedAt >= PEAK_SAVE_MS) this.saveBaselines(at);
    const level = Math.max(this.requested, severity(this.deps.risk.current()));
    if (level >= HALTED) return;
    if (this.dailyLossNear(equity, hot.dailyLoss) && this.dailyLossBreached(at)) return;
    if (this.drawdownNear(equity, hot.drawdown) && this.drawdownBreached(at)) return;
    if (level >= REDUCING || !(hot.staleDataMs > 0) || at - this.staleScannedAt < STALE_SCAN_MS) return;
    this.staleScannedAt = at;
    const stale = this.positions.staleSymbol(at, hot.staleDataMs);
    if (stale) this.request("REDUCING", "STALE_DATA", `No print on ${stale.symbol} for ${Math.round(stale.ageMs / 1000)} s with a position open`, at);
  }

  private dailyLossNear(equity: number, fraction: number): boolean {
    const { lossBaselineFloat, startOfDayFloat } = this.baselines;
    const limit = fraction * startOfDayFloat;
    return limit > 0 && lossBaselineFloat - equity >= limit * (1 - ESTIMATE_MARGIN);
  }

  private dailyLossBreached(at: number): boolean {
    const { lossBaseline, startOfDay } = this.baselines;
    const loss = lossBaseline.sub(this.deps.portfolio.equity());
    const limit = startOfDay.mul(this.deps.risk.limits.maxDailyLossFraction!);
    if (loss.lt(limit)) return false;
    return this.request("HALTED", "DAILY_LOSS", `Daily loss ${loss.toFixed()} reached the limit ${limit.toFixed()} (${this.deps.risk.limits.maxDailyLossFraction} of start-of-day equity ${startOfDay.toFixed()})`, at);
  }

  private drawdownNear(equity: number, fraction: number): boolean {
    const peak = this.baselines.peakFloat;
    return fraction > 0 && peak > 0 && peak - equity >= fraction * peak * (1 - ESTIMATE_MARGIN);
  }

  private drawdownBreached(at: number): boolean {
    const peak = dec(this.baselines.peakFloat);
    const drawdown = peak.sub(this.deps.portfolio.equity());
    const limit = peak.mul(this.deps.risk.limits.maxDrawdownFraction!);
    if (drawdown.lt(limit)) return false;
    return this.request("HALTED", "MAX_DRAWDOWN", `Drawdown ${drawdown.toFixed()} from peak equity ${peak.toFixed()} reached the limit ${limit.toFixed()}`, at);
  }

  private request(to: TripRequest["to"], code: TripCode, reason: string, at: number): boolean {
    if (Math.max(this.requested, severity(this.deps.risk.current())) >= severity(to)) return false;
    this.requested = severity(to);
    const flatten = to === "HALTED" && (code === "DAILY_LOSS" || code === "MAX_DRAWDOWN") && this.deps.risk.limits.flattenOnHalt === true;
    this.deps.trip({ to, code, reason, flatten, at });
    return true;
  }

  private syncFills(at: number): void {
    this.positions.sync(this.deps.portfolio, this.unsynced);
    this.unsynced.clear();
    this.protections.afterFillsApplied(this.deps.risk.limits.protections, at);
  }

  private addPause(pause: RiskPause): void {
    this.deps.risk.pauses.add(pause);
    this.deps.paused(pause);
  }

  private rollDay(at: number): void {
    if (this.baselines.rollDay(at, () => this.deps.portfolio.equity())) this.saveBaselines(at);
  }

  private saveBaselines(at: number): void {
    this.peakSavedAt = at;
    this.peakUnsaved = false;
    this.deps.baselinesChanged(this.baselines.stored());
  }

  private hotLimits(): HotLimits {
    const limits = this.deps.risk.limits;
    if (limits !== this.limitsSeen) {
      this.limitsSeen = limits;
      this.hot = {
        dailyLoss: limits.maxDailyLossFraction === undefined ? Number.NaN : Number(limits.maxDailyLossFraction),
        drawdown: limits.maxDrawdownFraction === undefined ? Number.NaN : Number(limits.maxDrawdownFraction),
        staleDataMs: limits.staleDataMs ?? Number.NaN,
      };
    }
    return this.hot;
  }
}
