import type { Decimal } from "decimal.js";
import { dec } from "@/lib/domain/money";

const DAY_MS = 86_400_000;

/** The persisted references of the equity checks (decimal strings). */
export interface EquityMarks {
  /** UTC day number (ms / 86 400 000) that startOfDay belongs to. */
  day: number;
  /** Equity at the first look of the UTC day: the base of the daily loss limit and of "today's P&L". */
  startOfDay: string;
  /** Loss is measured from here: start of day, or equity at a re-arm later that day. */
  lossBaseline: string;
  /** Highest marked equity seen (float precision: it is a reference level, no money moves on it). */
  peak: string;
}

export function utcDay(at: number): number {
  return Math.floor(at / DAY_MS);
}

/** Start-of-day, loss baseline and peak equity, with float copies for the per-print pre-check. */
export class EquityBaselines {
  private marks!: EquityMarks;
  startOfDay!: Decimal;
  lossBaseline!: Decimal;
  startOfDayFloat!: number;
  lossBaselineFloat!: number;
  peakFloat!: number;

  constructor(marks: EquityMarks) {
    this.set(marks);
  }

  static fresh(equity: Decimal, at: number): EquityBaselines {
    const value = equity.toFixed();
    return new EquityBaselines({ day: utcDay(at), startOfDay: value, lossBaseline: value, peak: String(equity.toNumber()) });
  }

  /** A new UTC day starts from the equity now; true when that happened (the marks need saving). */
  rollDay(at: number, equity: () => Decimal): boolean {
    const day = utcDay(at);
    if (day === this.marks.day) return false;
    const now = equity();
    this.set({ ...this.stored(), day, startOfDay: now.toFixed(), lossBaseline: now.toFixed() });
    return true;
  }

  raisePeak(equity: number): boolean {
    if (!(equity > this.peakFloat)) return false;
    this.peakFloat = equity;
    return true;
  }

  /** After a re-arm the admin has accepted the loss so far: losses and drawdown count again from here. */
  rebase(equity: Decimal): void {
    this.set({ ...this.stored(), lossBaseline: equity.toFixed(), peak: String(equity.toNumber()) });
  }

  stored(): EquityMarks {
    return { ...this.marks, peak: String(this.peakFloat) };
  }

  private set(marks: EquityMarks): void {
    this.marks = marks;
    this.startOfDay = dec(marks.startOfDay);
    this.lossBaseline = dec(marks.lossBaseline);
    this.startOfDayFloat = this.startOfDay.toNumber();
    this.lossBaselineFloat = this.lossBaseline.toNumber();
    this.peakFloat = Number(marks.peak);
  }
}
