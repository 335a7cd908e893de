import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { backfillFeatures } from "@/lib/features/feature-backfill";
import { featureCoverage, featureFreshness } from "@/lib/features/feature-coverage";
import { computeFeatures, FEATURE_WARMUP_BARS } from "@/lib/features/feature-pipeline";
import { FEATURE_SET_V1 } from "@/lib/features/feature-set";
import { readFeatureVectors, readLatestFeatureVector, upsertFeatureVectors } from "@/lib/features/feature-store";
import { randomBars } from "@/tests/unit/features/random-bars";
import { storeBars } from "./stored-bars";

const key = { symbol: "ETHBTC", interval: "5m" as const, version: FEATURE_SET_V1.version };
const history = randomBars(1_200);
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createPglite();
  await migrateDatabase(handle);
  await storeBars(handle.db, key.symbol, key.interval, history);
});
afterAll(() => handle?.close());

describe("feature store on PGlite", () => {
  it("backfills every stored bar (over several pages) to exactly what the pipeline computes, bit for bit", async () => {
    const result = await backfillFeatures(handle.db, { symbol: key.symbol, interval: key.interval, pageSize: 500 });
    const expected = computeFeatures(history);
    expect(result).toEqual({ bars: 1_200, vectors: expected.length, written: expected.length });
    expect(await readFeatureVectors(handle.db, { ...key, limit: 5_000 })).toEqual(expected);
    expect(await readLatestFeatureVector(handle.db, key)).toEqual(expected.at(-1));
  });

  it("is idempotent: a rerun writes nothing, a changed vector is replaced", async () => {
    expect((await backfillFeatures(handle.db, { symbol: key.symbol, interval: key.interval })).written).toBe(0);
    const latest = (await readLatestFeatureVector(handle.db, key))!;
    const changed = { ts: latest.ts, values: { ...latest.values, rsi_14: 1.5 } };
    expect(await upsertFeatureVectors(handle.db, { ...key, vectors: [changed, latest].slice(0, 1) })).toBe(1);
    expect(await readLatestFeatureVector(handle.db, key)).toEqual(changed);
    expect(await upsertFeatureVectors(handle.db, { ...key, vectors: [latest] })).toBe(1);
  });

  it("refuses a vector with a value JSON cannot hold", async () => {
    await expect(upsertFeatureVectors(handle.db, { ...key, vectors: [{ ts: 1, values: { rsi_14: Number.NaN } }] })).rejects.toThrow(/rsi_14.*not a finite number/);
  });

  it("reports coverage against the bars and how far the store lags new bars", async () => {
    expect(await featureCoverage(handle.db, key)).toEqual({
      vectors: { first: history[FEATURE_WARMUP_BARS - 1].openTime, last: history.at(-1)!.openTime, count: 1_200 - FEATURE_WARMUP_BARS + 1 },
      bars: { first: history[0].openTime, last: history.at(-1)!.openTime, count: 1_200 },
    });
    const later = randomBars(3, 8, history.at(-1)!.openTime + 300_000, 0.002, history.at(-1)!.close);
    await storeBars(handle.db, key.symbol, key.interval, later);
    const latestTs = history.at(-1)!.openTime;
    const now = latestTs + 300_000 + 60_000;
    expect(await featureFreshness(handle.db, { ...key, latestTs, now })).toEqual({ latestTs, ageMs: 60_000, barsBehind: 3 });
    await backfillFeatures(handle.db, { symbol: key.symbol, interval: key.interval });
    const caughtUp = (await readLatestFeatureVector(handle.db, key))!.ts;
    expect(await featureFreshness(handle.db, { ...key, latestTs: caughtUp, now })).toMatchObject({ latestTs: later[2].openTime, barsBehind: 0 });
  });

  it("keeps another version's vectors apart", async () => {
    expect(await readLatestFeatureVector(handle.db, { ...key, version: "v0" })).toBeNull();
    expect((await featureCoverage(handle.db, { ...key, version: "v0" })).vectors).toEqual({ first: null, last: null, count: 0 });
  });
});
