import "server-only";
import type { Direction } from "@/lib/ml/labels";

/** One version's calls in one hour (by the bar's open time), counted by the database. */
export interface SignalBucketCounts {
  versionId: string;
  /** Start of the hour, ms since the epoch (UTC). */
  hour: number;
  calls: number;
  resolved: number;
  correct: number;
  /** Resolved calls by outcome: down, flat, up. */
  outcomes: [number, number, number];
}

export interface LiveBucket {
  ts: string;
  calls: number;
  resolved: number;
  correct: number;
  hitRate: number | null;
  /** The same constant call as the overall baseline, scored on this hour's resolved bars. */
  baselineHitRate: number | null;
}

export interface LiveHitRate {
  calls: number;
  resolved: number;
  correct: number;
  hitRate: number | null;
  /** The best constant call on exactly the resolved bars: always answering their most frequent outcome. */
  baseline: { name: "constant-call"; call: Direction | null; hitRate: number | null };
  buckets: LiveBucket[];
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
/** Ties go to flat, then down, as the majority-class baseline of the training. */
const TIE_ORDER: readonly Direction[] = [0, -1, 1];

function mostFrequent(outcomes: readonly number[]): Direction | null {
  if (outcomes.every((n) => n === 0)) return null;
  return TIE_ORDER.reduce((best, d) => (outcomes[d + 1] > outcomes[best + 1] ? d : best), TIE_ORDER[0]);
}

/** One version's hourly buckets (oldest first) summed to its live hit rate beside the constant-call baseline. */
export function liveHitRate(buckets: readonly SignalBucketCounts[]): LiveHitRate {
  const sorted = [...buckets].sort((a, b) => a.hour - b.hour);
  const sum = (pick: (b: SignalBucketCounts) => number) => sorted.reduce((total, b) => total + pick(b), 0);
  const outcomes = [0, 1, 2].map((i) => sum((b) => b.outcomes[i]));
  const call = mostFrequent(outcomes);
  const resolved = sum((b) => b.resolved);
  const correct = sum((b) => b.correct);
  return {
    calls: sum((b) => b.calls), resolved, correct, hitRate: rate(correct, resolved),
    baseline: { name: "constant-call", call, hitRate: call === null ? null : rate(outcomes[call + 1], resolved) },
    buckets: sorted.map((b) => ({
      ts: new Date(b.hour).toISOString(), calls: b.calls, resolved: b.resolved, correct: b.correct, hitRate: rate(b.correct, b.resolved),
      baselineHitRate: call === null ? null : rate(b.outcomes[call + 1], b.resolved),
    })),
  };
}
