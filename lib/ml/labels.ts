/** The three classes a model predicts: the direction of the forward return, 0 inside the dead zone. */
export type Direction = -1 | 0 | 1;

export const DIRECTIONS: readonly Direction[] = [-1, 0, 1];

/** Position of a direction in probability vectors and confusion matrices: -1 -> 0, 0 -> 1, +1 -> 2. */
export const classIndex = (direction: Direction): number => direction + 1;
export const directionOfClass = (index: number): Direction => (index - 1) as Direction;

export interface LabelConfig {
  /** Bars ahead the forward return is measured over (h >= 1). */
  horizon: number;
  /** Returns with |r| <= deadZone are labelled 0 (flat): too small to pay for the costs of a trade. */
  deadZone: number;
}

/** +1 if r > d, -1 if r < -d, else 0. */
export function directionOfReturn(r: number, deadZone: number): Direction {
  if (r > deadZone) return 1;
  if (r < -deadZone) return -1;
  return 0;
}

/**
 * The label of bar t is the direction of the simple forward return close[t+h] / close[t] - 1, so it reads bars
 * t+1..t+h (the future a model must not see). Bars whose t+h does not exist get null: the last h bars have no label.
 */
export function forwardDirectionLabels(closes: readonly number[], config: LabelConfig): Array<Direction | null> {
  checkLabelConfig(config);
  const labels = new Array<Direction | null>(closes.length).fill(null);
  for (let t = 0; t + config.horizon < closes.length; t++) {
    labels[t] = directionOfReturn(closes[t + config.horizon] / closes[t] - 1, config.deadZone);
  }
  return labels;
}

function checkLabelConfig({ horizon, deadZone }: LabelConfig): void {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon must be an integer >= 1: ${horizon}`);
  if (!(deadZone >= 0)) throw new RangeError(`deadZone must be >= 0: ${deadZone}`);
}
