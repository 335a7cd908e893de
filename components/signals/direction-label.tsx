import type { Direction } from "@/lib/ml/labels";
import { DIRECTION_NAMES, formatConfidence } from "./signal-format";

const CLASS: Record<Direction, string> = { [-1]: "text-down", 0: "", 1: "text-up" };
const ARROW: Record<Direction, string> = { [-1]: "▼", 0: "■", 1: "▲" };

/** A call's direction in its colour (up green, down red, flat plain), with its confidence. */
export function DirectionLabel({ direction, confidence, testId }: { direction: Direction; confidence: number; testId?: string }) {
  return (
    <span className={`num ${CLASS[direction]}`} data-testid={testId} data-direction={DIRECTION_NAMES[direction]}>
      {ARROW[direction]} {DIRECTION_NAMES[direction]} {formatConfidence(confidence)}
    </span>
  );
}
