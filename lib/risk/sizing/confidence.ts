import type { Decimal } from "decimal.js";
import { confidenceScale } from "@/lib/strategy/confidence-sizing";

/**
 * Scales any sized quantity by the ensemble's confidence, with the scale the live ensemble strategy uses:
 * qty x floor_quarter((c - c_min) / (1 - c_min)), 0 at or below c_min.
 */
export function scaleByConfidence(quantity: Decimal, confidence: number, minConfidence: number): Decimal {
  return quantity.mul(confidenceScale(confidence, minConfidence));
}
