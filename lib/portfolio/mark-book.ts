import type { Decimal } from "decimal.js";
import type { Instrument } from "@/lib/domain/instrument";
import { dec } from "@/lib/domain/money";
import { StepGrid } from "@/lib/execution/step-grid";

interface Mark {
  price: number;
  exact: Decimal | null;
}

/** Per-tick marks stay floats; the exact decimal (on the tick grid when the instrument is known) is made on demand. */
export class MarkBook {
  private readonly marks = new Map<string, Mark>();
  private readonly ticks = new Map<string, StepGrid>();

  constructor(instruments: readonly Instrument[] = []) {
    for (const i of instruments) this.ticks.set(i.symbol, new StepGrid(i.tickSize));
  }

  /** Ignores prices that are not finite and positive: a bad print must not revalue the book. */
  set(symbol: string, price: number): boolean {
    if (!(price > 0 && price < Infinity)) return false;
    const mark = this.marks.get(symbol);
    if (mark === undefined) this.marks.set(symbol, { price, exact: null });
    else if (mark.price !== price) {
      mark.price = price;
      mark.exact = null;
    }
    return true;
  }

  get(symbol: string): Decimal | null {
    const mark = this.marks.get(symbol);
    if (mark === undefined) return null;
    if (mark.exact === null) {
      const tick = this.ticks.get(symbol);
      mark.exact = tick === undefined ? dec(mark.price) : tick.fromFloat(mark.price);
    }
    return mark.exact;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.marks].map(([symbol, m]) => [symbol, m.price]));
  }

  clear(): void {
    this.marks.clear();
  }
}
