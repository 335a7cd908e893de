import type { Ohlcv } from "@/lib/domain/market-data";
import { classIndex, DIRECTIONS, directionOfReturn, type Direction } from "@/lib/ml/labels";
import { MaCrossStrategy } from "@/lib/strategy/ma-cross";

/** What every predictor, model or baseline, gives for each out-of-sample bar. */
export interface Predictions {
  directions: Direction[];
  /** [P(-1), P(0), P(+1)] per bar; a rule that only names a direction puts probability 1 on it. */
  probabilities: number[][];
}

export const oneHot = (direction: Direction): number[] => DIRECTIONS.map((d) => (d === direction ? 1 : 0));

function fromDirections(directions: Direction[]): Predictions {
  return { directions, probabilities: directions.map(oneHot) };
}

/** The most frequent class of the training labels (ties to flat, then -1), with the training frequencies as its probabilities. */
export function majorityClassBaseline(trainingLabels: readonly Direction[], testSize: number): Predictions {
  const counts = [0, 0, 0];
  for (const label of trainingLabels) counts[classIndex(label)]++;
  const order: Direction[] = [0, -1, 1];
  const majority = order.reduce((best, d) => (counts[classIndex(d)] > counts[classIndex(best)] ? d : best), order[0]);
  const frequencies = counts.map((c) => c / trainingLabels.length);
  return { directions: new Array<Direction>(testSize).fill(majority), probabilities: Array.from({ length: testSize }, () => [...frequencies]) };
}

/**
 * The last realised direction: at bar t, the label of bar t-h, i.e. close[t] / close[t-h] - 1 through the same
 * dead zone; it is known at t's close. Flat where t-h is before the first bar.
 */
export function persistenceBaseline(bars: readonly Ohlcv[], testBars: readonly number[], horizon: number, deadZone: number): Predictions {
  return fromDirections(testBars.map((t) => (t - horizon < 0 ? 0 : directionOfReturn(bars[t].close / bars[t - horizon].close - 1, deadZone))));
}

export function buyAndHoldBaseline(testSize: number): Predictions {
  return fromDirections(new Array<Direction>(testSize).fill(1));
}

/**
 * The position the live moving-average cross (long-short) holds after each test bar's close: it is run over every
 * bar from the first one, so it enters the test window warm and holding its last cross; flat before any cross.
 */
export function maCrossBaseline(bars: readonly Ohlcv[], testBars: readonly number[], fast: number, slow: number): Predictions {
  const strategy = new MaCrossStrategy({ symbol: "ML-EVAL", fast, slow, quantity: "1" });
  const held: Direction[] = new Array<Direction>(bars.length);
  let current: Direction = 0;
  const last = testBars.length === 0 ? -1 : testBars[testBars.length - 1];
  for (let t = 0; t <= last; t++) {
    const decision = strategy.onBar({ ...bars[t], symbol: "ML-EVAL", interval: "5m", trades: 0, closed: true });
    if (decision !== null) current = Math.sign(Number(decision.targetQuantity)) as Direction;
    held[t] = current;
  }
  return fromDirections(testBars.map((t) => held[t]));
}
