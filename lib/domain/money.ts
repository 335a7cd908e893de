import Decimal from "decimal.js";

/** Exact decimal arithmetic for cash, fees, prices and quantities; never use a JS number for money. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Money = Decimal;

export type DecimalInput = Decimal.Value;

export function dec(value: DecimalInput): Decimal {
  return new Money(value);
}

export const ZERO = dec(0);

/** Rounds down to a multiple of step (lot sizes: never trade more than asked). */
export function floorToStep(value: Decimal, step: DecimalInput): Decimal {
  const s = dec(step);
  return value.div(s).floor().mul(s);
}

/** Rounds to the nearest multiple of step (tick sizes). */
export function roundToStep(value: Decimal, step: DecimalInput): Decimal {
  const s = dec(step);
  return value.div(s).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).mul(s);
}

/** Converts a float market price to an exact decimal on the instrument's tick grid. */
export function priceToDecimal(price: number, tickSize: DecimalInput): Decimal {
  return roundToStep(dec(price), tickSize);
}

/** Fixed-point string for storage and the API; avoids exponent notation. */
export function toFixedString(value: Decimal, places?: number): string {
  return places === undefined ? value.toFixed() : value.toFixed(places);
}
