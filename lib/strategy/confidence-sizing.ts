import type { Decimal } from "decimal.js";
import { dec, floorToStep } from "@/lib/domain/money";
import type { EnsembleSignal } from "@/lib/ml/ensemble/member-output";

export interface ConfidenceSizing {
  /** Position value in quote currency at full confidence. */
  notional: string;
  /** Calls below this confidence hold no position. */
  minConfidence: number;
  lotSize: string;
}

/** Size moves in quarters of the full position: confidence drifting by a point must not trade on every bar. */
const STEPS = 4;

/**
 * Fraction of the full position a call of this confidence holds: (c - c_min) / (1 - c_min), clipped to [0, 1] and
 * rounded down to a quarter. 0 at or below c_min, 1 only for a certain call.
 */
export function confidenceScale(confidence: number, minConfidence: number): number {
  if (!(confidence > minConfidence)) return 0;
  const raw = minConfidence >= 1 ? 1 : Math.min(1, (confidence - minConfidence) / (1 - minConfidence));
  // The epsilon keeps (0.7 - 0.4) / 0.6 = 0.4999... in the half it is meant to be.
  return Math.floor(raw * STEPS + 1e-9) / STEPS;
}

/**
 * The signed position an ensemble call asks for: direction x floor_lot(notional / price x scale(confidence)).
 * A flat call asks for no position. The risk gate still clips every order this turns into.
 */
export function ensembleTargetQuantity(signal: Pick<EnsembleSignal, "direction" | "confidence">, price: number, sizing: ConfidenceSizing): Decimal {
  const scale = confidenceScale(signal.confidence, sizing.minConfidence);
  if (signal.direction === 0 || scale === 0 || !(price > 0)) return dec(0);
  const quantity = floorToStep(dec(sizing.notional).div(price).mul(scale), sizing.lotSize);
  return signal.direction > 0 ? quantity : quantity.neg();
}
