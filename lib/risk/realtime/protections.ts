import type { Decimal } from "decimal.js";
import type { RiskProtections } from "@/lib/domain/account";
import { dec } from "@/lib/domain/money";
import type { Fill, Order } from "@/lib/domain/order";
import { LowProfitWatch } from "./low-profit";
import type { PortfolioReader } from "./marked-positions";
import type { RiskPause } from "./pause-book";
import { StoplossGuard } from "./stoploss-guard";

const realisedNet = (portfolio: PortfolioReader): Decimal => portfolio.realizedPnl().sub(portfolio.fees());

/** Freqtrade-style protections: stop-loss guard and cooldown per symbol, low profit for the whole account. */
export class Protections {
  /** Positions as the fills of the current batch move them (the portfolio applies the batch after the monitor sees it). */
  private readonly quantities = new Map<string, Decimal>();
  private readonly stoplosses = new StoplossGuard();
  private readonly profit: LowProfitWatch;
  private exitSinceSync = false;

  constructor(private readonly portfolio: PortfolioReader, private readonly pause: (pause: RiskPause) => void, at: number) {
    this.profit = new LowProfitWatch(realisedNet(portfolio), at);
  }

  /** A venue fill, seen before the portfolio applies it. */
  onFill(order: Order, fill: Fill, protections: RiskProtections | undefined, at: number): void {
    const before = this.quantities.get(fill.symbol) ?? this.portfolio.positionQuantity(fill.symbol);
    const signed = fill.side === "BUY" ? dec(fill.quantity) : dec(fill.quantity).neg();
    const after = before.add(signed);
    this.quantities.set(fill.symbol, after);
    if (before.isZero() || before.isPositive() === signed.isPositive()) return;
    this.exitSinceSync = true;
    const guard = protections?.stoplossGuard;
    if (order.type === "STOP" && guard && this.stoplosses.record(fill.symbol, order.id, at, guard)) {
      this.stoplosses.clear(fill.symbol);
      this.pause({ symbol: fill.symbol, code: "STOPLOSS_GUARD", reason: `${guard.count} stop-loss exits on ${fill.symbol} within ${guard.windowMs} ms`, until: at + guard.pauseMs });
    }
    const cooldown = protections?.cooldownAfterExitMs;
    if (after.isZero() && cooldown) {
      this.pause({ symbol: fill.symbol, code: "COOLDOWN_AFTER_EXIT", reason: `${fill.symbol} position closed`, until: at + cooldown });
    }
  }

  /** Once the portfolio holds the fills: judges low profit if anything was exited since the last time. */
  afterFillsApplied(protections: RiskProtections | undefined, at: number): void {
    this.quantities.clear();
    if (!this.exitSinceSync) return;
    this.exitSinceSync = false;
    const low = protections?.lowProfit;
    if (!low) return;
    const total = realisedNet(this.portfolio);
    const realised = this.profit.realisedOver(low.windowMs, total, at);
    const floor = dec(low.minProfitFraction).mul(this.portfolio.equity());
    if (!realised.lt(floor)) return;
    this.profit.restart(total, at);
    this.pause({ symbol: null, code: "LOW_PROFIT", reason: `realised ${realised.toFixed()} over ${low.windowMs} ms, below ${floor.toFixed()}`, until: at + low.pauseMs });
  }
}
