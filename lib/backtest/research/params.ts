/** A parameter set: name -> value. */
export type ParamSet = Record<string, number>;

/** A grid: name -> the values to try. */
export type ParamGrid = Record<string, readonly number[]>;

/** A random-search range: values min + k * step (inclusive of max when it lands on the grid), or uniform in [min, max) without step. */
export interface ParamRange {
  min: number;
  max: number;
  step?: number;
}

/** Cartesian product of a grid, in key order, the last key varying fastest. */
export function expandGrid(grid: ParamGrid): ParamSet[] {
  const keys = Object.keys(grid);
  if (keys.length === 0) throw new RangeError("the parameter grid is empty");
  for (const k of keys) {
    if (grid[k].length === 0) throw new RangeError(`grid parameter ${k} has no values`);
    if (grid[k].some((v) => !Number.isFinite(v))) throw new RangeError(`grid parameter ${k} has a non-finite value`);
  }
  let sets: ParamSet[] = [{}];
  for (const k of keys) sets = sets.flatMap((s) => grid[k].map((v) => ({ ...s, [k]: v })));
  return sets;
}

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). Same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function decimalPlaces(value: number): number {
  const text = String(value);
  if (text.includes("e")) return 15;
  return (text.split(".")[1] ?? "").length;
}

function sampleRange(range: ParamRange, name: string, random: () => number): number {
  const { min, max, step } = range;
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) throw new RangeError(`range ${name} needs finite min <= max`);
  if (step === undefined) return min + random() * (max - min);
  if (!(step > 0)) throw new RangeError(`range ${name} step must be > 0`);
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  const k = Math.min(count - 1, Math.floor(random() * count));
  // Rounded to the step's decimals so 0.1 steps give 0.3, not 0.30000000000000004.
  const decimals = Math.min(15, Math.max(decimalPlaces(step), decimalPlaces(min)));
  return Number((min + k * step).toFixed(decimals));
}

/**
 * Up to n distinct parameter sets drawn with a seeded PRNG (same seed, same samples, same order), skipping those
 * failing the constraint. Gives up after n * 100 draws (a small grid holds fewer than n distinct sets).
 */
export function sampleParams(ranges: Record<string, ParamRange>, n: number, seed: number, constraint?: (p: ParamSet) => boolean): ParamSet[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`random search needs a positive sample count: ${n}`);
  const keys = Object.keys(ranges);
  if (keys.length === 0) throw new RangeError("random search needs at least one range");
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const out: ParamSet[] = [];
  for (let draw = 0; draw < n * 100 && out.length < n; draw++) {
    const params: ParamSet = {};
    for (const k of keys) params[k] = sampleRange(ranges[k], k, random);
    const key = JSON.stringify(params);
    if (seen.has(key)) continue;
    seen.add(key);
    if (constraint && !constraint(params)) continue;
    out.push(params);
  }
  return out;
}
