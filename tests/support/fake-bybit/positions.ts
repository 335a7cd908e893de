import { Decimal } from "decimal.js";
import { onGrid } from "./market";

interface Position {
  quantity: Decimal;
  averagePrice: Decimal;
  updatedAt: number;
}

/** Net position per symbol: signed quantity, average entry price reset when the position flips. */
export class FakePositions {
  private readonly bySymbol = new Map<string, Position>();

  apply(symbol: string, side: "Buy" | "Sell", qty: string, price: string, now: number): void {
    const current = this.bySymbol.get(symbol) ?? { quantity: new Decimal(0), averagePrice: new Decimal(0), updatedAt: now };
    const signed = side === "Buy" ? new Decimal(qty) : new Decimal(qty).neg();
    const next = current.quantity.plus(signed);
    let average = current.averagePrice;
    if (current.quantity.isZero() || current.quantity.isPos() === signed.isPos()) {
      average = current.quantity.abs().mul(current.averagePrice).plus(signed.abs().mul(price)).div(next.abs());
    } else if (next.isZero()) {
      average = new Decimal(0);
    } else if (next.isPos() !== current.quantity.isPos()) {
      average = new Decimal(price);
    }
    this.bySymbol.set(symbol, { quantity: next, averagePrice: average, updatedAt: now });
  }

  set(symbol: string, quantity: string, averagePrice: string, now: number): void {
    this.bySymbol.set(symbol, { quantity: new Decimal(quantity), averagePrice: new Decimal(averagePrice), updatedAt: now });
  }

  /** Bybit's position/list row. */
  row(symbol: string, markPrice: string | undefined, grid: { qtyStep: string; tickSize: string }): Record<string, unknown> {
    const p = this.bySymbol.get(symbol) ?? { quantity: new Decimal(0), averagePrice: new Decimal(0), updatedAt: 0 };
    return {
      category: "linear", symbol, positionIdx: 0,
      side: p.quantity.isZero() ? "" : p.quantity.isPos() ? "Buy" : "Sell",
      size: onGrid(p.quantity.abs(), grid.qtyStep), avgPrice: onGrid(p.averagePrice.toDecimalPlaces(8), grid.tickSize), markPrice: markPrice ?? "0",
      updatedTime: String(p.updatedAt),
    };
  }

  symbols(): string[] {
    return [...this.bySymbol.keys()];
  }
}
