import type { Decimal } from "decimal.js";
import type { OrderSide } from "@/lib/domain/order";
import { ZERO } from "@/lib/domain/money";
import type { FillAmounts } from "@/lib/execution/order-fill";
import type { BacktestTrade } from "@/lib/backtest/types";

/** A position lot opened by one entry fill, closed FIFO (or by its own exit orders). */
export interface OpenTrade {
  /** Signed units: negative for a short. */
  size: Decimal;
  entryPrice: Decimal;
  entryBar: number;
  entryTime: number;
  /** Entry fee of the units still open. */
  entryFee: Decimal;
  /** Best price since entry (highest high for a long, lowest low for a short), for the trailing stop. */
  best: number;
}

/** Where a fill happened: the bar index it belongs to and the time recorded on the trade. */
export interface FillPlace {
  bar: number;
  time: number;
}

export interface FillOutcome {
  opened: OpenTrade | null;
  /** Trades fully closed by the fill. */
  closed: OpenTrade[];
  /** Trades partly closed by the fill (their exit orders need resizing). */
  reduced: OpenTrade[];
}

/**
 * The backtest's trade list, derived from fills alone: a fill first closes trades of the other side (its target
 * trade first when it is that trade's exit order, then oldest first, as backtesting.py's FIFO), and any rest
 * opens a new trade. The fill's fee is split pro rata between the closed and the opened units.
 */
export class TradeBook {
  readonly open: OpenTrade[] = [];
  readonly closed: BacktestTrade[] = [];

  applyFill(side: OrderSide, fill: FillAmounts, place: FillPlace, target?: OpenTrade): FillOutcome {
    const { quantity, price, fee } = fill;
    const buying = side === "BUY";
    const outcome: FillOutcome = { opened: null, closed: [], reduced: [] };
    let left = quantity;
    const opposite = this.open.filter((t) => t.size.isNegative() === buying);
    const candidates = target !== undefined && opposite.includes(target) ? [target, ...opposite.filter((t) => t !== target)] : opposite;
    for (const trade of candidates) {
      if (left.isZero()) break;
      const qty = left.lt(trade.size.abs()) ? left : trade.size.abs();
      this.reduce(trade, qty, price, proRata(fee, qty, quantity), place);
      (trade.size.isZero() ? outcome.closed : outcome.reduced).push(trade);
      left = left.sub(qty);
    }
    if (left.gt(0)) {
      const trade: OpenTrade = {
        size: buying ? left : left.neg(),
        entryPrice: price,
        entryBar: place.bar,
        entryTime: place.time,
        entryFee: proRata(fee, left, quantity),
        best: price.toNumber(),
      };
      this.open.push(trade);
      outcome.opened = trade;
    }
    return outcome;
  }

  /** Signed units held across the open trades. */
  held(): Decimal {
    return this.open.reduce((sum, t) => sum.add(t.size), ZERO);
  }

  private reduce(trade: OpenTrade, qty: Decimal, exitPrice: Decimal, exitFee: Decimal, place: FillPlace): void {
    const entryFee = proRata(trade.entryFee, qty, trade.size.abs());
    const closedSize = trade.size.isNegative() ? qty.neg() : qty;
    this.closed.push(tradeRecord({ ...trade, size: closedSize, entryFee }, exitPrice, exitFee, place));
    trade.size = trade.size.sub(closedSize);
    trade.entryFee = trade.entryFee.sub(entryFee);
    if (trade.size.isZero()) this.open.splice(this.open.indexOf(trade), 1);
  }
}

/** amount * part / whole; the whole share is the amount itself, so a fill that closes one whole trade divides nothing. */
function proRata(amount: Decimal, part: Decimal, whole: Decimal): Decimal {
  return part.eq(whole) ? amount : amount.mul(part).div(whole);
}

/** A trade as reported: exact P&L and commission, return as backtesting.py's pl_pct. */
export function tradeRecord(trade: OpenTrade, exitPrice: Decimal, exitFee: Decimal, place: FillPlace): BacktestTrade {
  const commission = trade.entryFee.add(exitFee);
  const pnl = trade.size.mul(exitPrice.sub(trade.entryPrice)).sub(commission);
  const sign = trade.size.isNegative() ? -1 : 1;
  const returnPct = exitPrice
    .div(trade.entryPrice)
    .sub(1)
    .mul(sign)
    .sub(commission.isZero() ? commission : commission.div(trade.size.abs().mul(trade.entryPrice)))
    .toNumber();
  return {
    size: trade.size.toFixed(),
    entryBar: trade.entryBar,
    exitBar: place.bar,
    entryTime: trade.entryTime,
    exitTime: place.time,
    entryPrice: trade.entryPrice.toFixed(),
    exitPrice: exitPrice.toFixed(),
    pnl: pnl.toFixed(),
    commission: commission.toFixed(),
    returnPct,
  };
}
