import type { ClassVector } from "@/lib/ml/ensemble/member-output";
import { TRADING_ACTIONS } from "@/lib/ml/rl/trading-env";

/**
 * The Double DQN chooses an action, not a class, so it votes with a one-hot class vector: long -> up [0, 0, 1],
 * short -> down [1, 0, 0], flat -> flat [0, 1, 0]. Its confidence in its vote is therefore always 1; how much the
 * ensemble trusts it is its learned weight alone.
 */
export function actionVote(action: number): ClassVector {
  switch (TRADING_ACTIONS[action]) {
    case "long":
      return [0, 0, 1];
    case "short":
      return [1, 0, 0];
    case "flat":
      return [0, 1, 0];
    default:
      throw new RangeError(`no trading action ${action}`);
  }
}
