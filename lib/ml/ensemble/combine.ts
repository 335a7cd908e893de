import { argMax } from "@/lib/ml/arg-max";
import type { EnsembleSignal, MemberOutput } from "@/lib/ml/ensemble/member-output";
import { directionOfClass } from "@/lib/ml/labels";

/**
 * The weighted average of the members' class probabilities (weights as learnEnsembleWeights returns them, one per
 * member in the same order); the signal is its most likely class, ties to the lower class index.
 */
export function combine(weights: readonly number[], outputs: readonly MemberOutput[]): EnsembleSignal {
  if (weights.length !== outputs.length) throw new RangeError(`${weights.length} weights for ${outputs.length} members`);
  const combined = [0, 0, 0];
  for (let m = 0; m < outputs.length; m++) {
    const p = outputs[m].probabilities;
    for (let k = 0; k < 3; k++) combined[k] += weights[m] * p[k];
  }
  const winner = argMax(combined);
  return {
    direction: directionOfClass(winner),
    confidence: combined[winner],
    probabilities: [combined[0], combined[1], combined[2]],
    votes: outputs.map(({ member, probabilities }) => {
      const own = argMax(probabilities);
      return { member, direction: directionOfClass(own), confidence: probabilities[own] };
    }),
  };
}
