import type { BacktestStats } from "@/lib/backtest/stats";
import { expandGrid, sampleParams, type ParamGrid, type ParamRange, type ParamSet } from "@/lib/backtest/research/params";
import { metricValue, type Metric } from "@/lib/backtest/research/metrics";
import { better, runWalkForward, type InSampleGap, type WalkForwardConfig, type WalkForwardResult } from "@/lib/backtest/walk-forward";

export { expandGrid, sampleParams, seededRandom, type ParamGrid, type ParamRange, type ParamSet } from "@/lib/backtest/research/params";

/** A seeded random search: n distinct samples from the ranges (same seed, same samples). Default seed 1. */
export interface RandomSpace {
  random: number;
  ranges: Record<string, ParamRange>;
  seed?: number;
}

export type SearchSpace = ParamGrid | RandomSpace;

export interface OptimizeConfig<P extends ParamSet = ParamSet>
  extends Omit<WalkForwardConfig<P>, "grid" | "candidates" | "params" | "metric"> {
  space: SearchSpace;
  metric: Metric;
  /**
   * What a parameter set is ranked by, out of sample only: "combined" (default), the metric of the stitched
   * out-of-sample equity curve; "mean", the mean of the per-window out-of-sample metrics.
   */
  rankBy?: "combined" | "mean";
}

export interface OptimizeEntry<P extends ParamSet = ParamSet> {
  /** 1-based. */
  rank: number;
  params: P;
  /** The value ranked by (see rankBy). */
  score: number;
  /** Metric of the stitched out-of-sample curve. */
  outOfSampleMetric: number;
  /** Per-window in-sample / out-of-sample means and their difference. */
  gap: InSampleGap;
  /** Stats of the stitched out-of-sample curve. */
  stats: BacktestStats;
  walkForward: WalkForwardResult<P>;
}

export interface OptimizeResult<P extends ParamSet = ParamSet> {
  /** Best first; NaN scores last; ties keep the search order. */
  ranking: OptimizeEntry<P>[];
  /** The parameter sets evaluated, in search order. */
  evaluated: P[];
}

function isRandomSpace(space: SearchSpace): space is RandomSpace {
  return typeof (space as RandomSpace).random === "number" && typeof (space as RandomSpace).ranges === "object";
}

/** The parameter sets a search space yields, constraint applied, in search order. */
export function searchSpace<P extends ParamSet = ParamSet>(space: SearchSpace, constraint?: (params: P) => boolean): P[] {
  if (isRandomSpace(space)) return sampleParams(space.ranges, space.random, space.seed ?? 1, constraint as ((p: ParamSet) => boolean) | undefined) as P[];
  const all = expandGrid(space as ParamGrid) as P[];
  return constraint ? all.filter((p) => constraint(p)) : all;
}

/**
 * Ranks parameter sets by `metric` measured out of sample only. Each set is walked forward as fixed parameters
 * (runWalkForward with `params`): its in-sample metric is measured on the training slices, its out-of-sample
 * metric on the test slices (warmed up, never traded before the test start) — the ranking uses the latter, and
 * each entry shows the in-sample vs out-of-sample gap.
 */
export function optimize<P extends ParamSet>(config: OptimizeConfig<P>): OptimizeResult<P> {
  const { space, rankBy = "combined", ...rest } = config;
  const evaluated = searchSpace<P>(space, config.constraint);
  if (evaluated.length === 0) throw new RangeError("the search space holds no parameter set satisfying the constraint");
  const entries = evaluated.map((params, order) => {
    const walkForward = runWalkForward<P>({ ...rest, constraint: undefined, params });
    const score = rankBy === "mean" ? walkForward.gap.meanOutOfSample : metricValue(config.metric, walkForward.stats);
    return { order, params, score, walkForward };
  });
  entries.sort((a, b) => (better(a.score, b.score) ? -1 : better(b.score, a.score) ? 1 : a.order - b.order));
  return {
    evaluated,
    ranking: entries.map((e, i) => ({
      rank: i + 1,
      params: e.params,
      score: e.score,
      outOfSampleMetric: e.walkForward.outOfSampleMetric,
      gap: e.walkForward.gap,
      stats: e.walkForward.stats,
      walkForward: e.walkForward,
    })),
  };
}
