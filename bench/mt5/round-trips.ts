import { summarizeLatency, type LatencySummary } from "../harness/stats";

export type RoundTrip = () => Promise<void>;

/**
 * Times `count` round trips of each side, alternating blocks of `block` so drift on a shared machine hits both
 * alike. Each side's samples are summarised together.
 */
export async function timeRoundTripsAlternating(sides: readonly RoundTrip[], count: number, block: number): Promise<LatencySummary[]> {
  const samples = sides.map(() => new Float64Array(count));
  for (let done = 0; done < count; done += block) {
    const end = Math.min(count, done + block);
    for (let side = 0; side < sides.length; side++) await timeBlock(sides[side], samples[side], done, end);
  }
  return samples.map(summarizeLatency);
}

async function timeBlock(roundTrip: RoundTrip, into: Float64Array, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const start = process.hrtime.bigint();
    await roundTrip();
    into[i] = Number(process.hrtime.bigint() - start);
  }
}

export async function repeat(roundTrip: RoundTrip, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await roundTrip();
}
