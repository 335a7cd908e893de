import Decimal from "decimal.js";
import { dec, floorToStep, Money, roundToStep, type DecimalInput } from "@/lib/domain/money";

/** Largest grid index the float shortcut in fromFloat takes: its float error then stays far below half a step. */
const MAX_FLOAT_INDEX = 1e12;

/**
 * A tick or lot grid with its step parsed once. A power-of-ten step (1, 0.01) rounds by decimal places, which
 * gives the same value as dividing by the step without a 40-digit division; any other step divides, as
 * floorToStep and roundToStep do.
 */
export class StepGrid {
  readonly step: Decimal;
  private readonly stepFloat: number;
  /** Decimal places of a power-of-ten step at most 1, else null. */
  private readonly places: number | null;
  private lastFloat = Number.NaN;
  private lastExact: Decimal | null = null;

  constructor(step: DecimalInput) {
    this.step = dec(step);
    this.stepFloat = this.step.toNumber();
    const places = this.step.decimalPlaces();
    this.places = this.step.eq(dec(10).pow(-places)) ? places : null;
  }

  floor(value: Decimal): Decimal {
    return this.byPlaces(value) ? value.toDecimalPlaces(this.places!, Decimal.ROUND_FLOOR) : floorToStep(value, this.step);
  }

  ceil(value: Decimal): Decimal {
    return this.byPlaces(value) ? value.toDecimalPlaces(this.places!, Decimal.ROUND_CEIL) : value.div(this.step).ceil().mul(this.step);
  }

  contains(value: Decimal): boolean {
    return this.byPlaces(value) ? value.decimalPlaces() <= this.places! : value.mod(this.step).isZero();
  }

  /**
   * priceToDecimal: a float feed price as the exact decimal of the nearest grid point. When the float is within a
   * quarter step of grid point k (k up to 1e12, so the float error is under 1e-3 of a step) that point is k * step.
   */
  fromFloat(price: number): Decimal {
    if (price === this.lastFloat) return this.lastExact!;
    const q = price / this.stepFloat;
    const k = Math.round(q);
    const exact = k > 0 && k <= MAX_FLOAT_INDEX && Math.abs(q - k) < 0.25 ? this.step.mul(k) : roundToStep(dec(price), this.step);
    this.lastFloat = price;
    this.lastExact = exact;
    return exact;
  }

  /** Places-based rounding equals the division only while the value fits the 40-digit precision. */
  private byPlaces(value: Decimal): boolean {
    return this.places !== null && value.isFinite() && value.sd(true) <= Money.precision;
  }
}
