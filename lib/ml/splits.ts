/**
 * Leak-free splits over samples in time order. A sample at bar t has the window [t, t + horizon]: its features
 * read bars up to t and its label bars t+1..t+horizon. Purging drops every sample of an earlier split whose window
 * reaches the next split's first bar; the embargo widens that gap by `embargo` more bars, so serial correlation
 * just after a boundary cannot leak either. Only the earlier side loses samples: the later split begins exactly at
 * its boundary.
 */
export interface LeakGuard {
  /** The label horizon h: sample t's label reads bars up to t + h. */
  horizon: number;
  /** Extra bars kept empty between the end of one split's label windows and the next split. */
  embargo: number;
}

/** Bar indices of the samples in each part, ascending. */
export interface ChronologicalSplit {
  train: number[];
  validation: number[];
  test: number[];
}

export interface WalkForwardFold {
  fold: number;
  train: number[];
  test: number[];
}

/** Keeps the samples of an earlier split whose window, plus the embargo, ends before the next split's first bar. */
export function purgeBefore(samples: readonly number[], nextStart: number, guard: LeakGuard): number[] {
  return samples.filter((t) => t + guard.horizon + guard.embargo < nextStart);
}

/**
 * Train / validation / test in time order by fractions of the samples (e.g. 0.6 / 0.2, the rest is test), each
 * earlier part purged and embargoed against the next.
 */
export function chronologicalSplit(samples: readonly number[], fractions: { train: number; validation: number }, guard: LeakGuard): ChronologicalSplit {
  checkGuard(guard);
  if (!(fractions.train > 0 && fractions.validation >= 0 && fractions.train + fractions.validation < 1)) {
    throw new RangeError(`fractions must leave a test part: ${JSON.stringify(fractions)}`);
  }
  const sorted = ascending(samples);
  const trainEnd = Math.floor(sorted.length * fractions.train);
  const validationEnd = Math.floor(sorted.length * (fractions.train + fractions.validation));
  const test = sorted.slice(validationEnd);
  const validationRaw = sorted.slice(trainEnd, validationEnd);
  const validation = test.length > 0 ? purgeBefore(validationRaw, test[0], guard) : validationRaw;
  const trainNext = validationRaw.length > 0 ? validationRaw[0] : test[0];
  const train = trainNext === undefined ? sorted.slice(0, trainEnd) : purgeBefore(sorted.slice(0, trainEnd), trainNext, guard);
  return { train, validation, test };
}

export interface WalkForwardConfig {
  /** Samples in each training window (before purging). */
  trainSize: number;
  /** Samples in each test window; folds step by this, so the test windows tile the out-of-sample span. */
  testSize: number;
  /** At most this many folds, the latest ones (default: as many as fit). */
  maxFolds?: number;
}

/** Rolling walk-forward: each fold trains on the trainSize samples before its test window, purged and embargoed. */
export function walkForwardFolds(samples: readonly number[], config: WalkForwardConfig, guard: LeakGuard): WalkForwardFold[] {
  checkGuard(guard);
  if (!(config.trainSize >= 1 && config.testSize >= 1)) throw new RangeError("trainSize and testSize must be >= 1");
  const sorted = ascending(samples);
  const starts: number[] = [];
  for (let start = config.trainSize; start + config.testSize <= sorted.length; start += config.testSize) starts.push(start);
  const kept = config.maxFolds === undefined ? starts : starts.slice(Math.max(0, starts.length - config.maxFolds));
  return kept.map((start, fold) => {
    const test = sorted.slice(start, start + config.testSize);
    return { fold, train: purgeBefore(sorted.slice(start - config.trainSize, start), test[0], guard), test };
  });
}

function ascending(samples: readonly number[]): number[] {
  const sorted = [...samples].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) throw new RangeError(`duplicate sample ${sorted[i]}`);
  return sorted;
}

function checkGuard({ horizon, embargo }: LeakGuard): void {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon must be an integer >= 1: ${horizon}`);
  if (!Number.isInteger(embargo) || embargo < 0) throw new RangeError(`embargo must be an integer >= 0: ${embargo}`);
}
