/** Index of the largest value; the first one on a tie. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Double DQN regression targets: y = r + gamma * Q_target(s', argmax_a Q_online(s', a)), or y = r at the end of an
 * episode. The online network picks the next action and the target network values it, which removes the
 * overestimation of taking the max of one noisy estimate (van Hasselt et al., 2016).
 */
export function doubleDqnTargets(
  steps: readonly { reward: number; done: boolean }[],
  nextOnlineQ: readonly ArrayLike<number>[],
  nextTargetQ: readonly ArrayLike<number>[],
  gamma: number,
): number[] {
  return steps.map(({ reward, done }, i) => (done ? reward : reward + gamma * nextTargetQ[i][argmax(nextOnlineQ[i])]));
}
