import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { bars, features } from "@/lib/db/schema";
import type { BarInterval } from "@/lib/domain/market-data";
import { type FeatureDrift, featureDrift } from "@/lib/features/drift";
import { type FeatureCoverage, type FeatureFreshness, featureCoverage, featureFreshness } from "@/lib/features/feature-coverage";
import type { FeatureVector } from "@/lib/features/feature-pipeline";
import { FEATURE_SET_V1, type FeatureSet, marketFeatureNames } from "@/lib/features/feature-set";
import { type FeatureSeriesKey, readFeatureVectors } from "@/lib/features/feature-store";
import { notFound } from "../api-error";

/** Fewer reference vectors than this give quantile bins too coarse for a PSI worth showing. */
export const MIN_REFERENCE_VECTORS = 200;
/** The reference is the stored history just before the recent window, at most this many vectors. */
const MAX_REFERENCE_VECTORS = 5000;

export type SymbolDrift =
  | ({ status: "scored"; recent: number; reference: number; referenceFrom: number; referenceTo: number } & FeatureDrift)
  | { status: "insufficient-data"; recent: number; reference: number; needed: { recent: number; reference: number } };

export interface SymbolFeatures {
  symbol: string;
  coverage: FeatureCoverage;
  freshness: FeatureFreshness;
  latest: FeatureVector | null;
  drift: SymbolDrift;
}

export interface FeaturesOverview {
  featureSet: FeatureSet;
  interval: BarInterval;
  symbols: SymbolFeatures[];
}

/**
 * Drift of the latest `recent` vectors against the stored vectors before them. Until a model is trained there is
 * no training set to compare with, so the earlier history stands in for it: "has the market moved away from what
 * we have seen so far". A trained model's training range will replace it.
 */
async function recentDrift(db: Database, key: FeatureSeriesKey, recentCount: number): Promise<SymbolDrift> {
  const recent = await readFeatureVectors(db, { ...key, limit: recentCount });
  const reference = recent.length === 0 ? [] : await readFeatureVectors(db, { ...key, limit: MAX_REFERENCE_VECTORS, before: recent[0].ts });
  if (recent.length < recentCount || reference.length < MIN_REFERENCE_VECTORS) {
    return { status: "insufficient-data", recent: recent.length, reference: reference.length, needed: { recent: recentCount, reference: MIN_REFERENCE_VECTORS } };
  }
  const drift = featureDrift(reference, recent, marketFeatureNames(FEATURE_SET_V1));
  return { status: "scored", recent: recent.length, reference: reference.length, referenceFrom: reference[0].ts, referenceTo: reference.at(-1)!.ts, ...drift };
}

async function symbolFeatures(db: Database, key: FeatureSeriesKey, recent: number, now: number): Promise<SymbolFeatures> {
  const latest = (await readFeatureVectors(db, { ...key, limit: 1 }))[0] ?? null;
  return {
    symbol: key.symbol,
    coverage: await featureCoverage(db, key),
    freshness: await featureFreshness(db, { ...key, latestTs: latest?.ts ?? null, now }),
    latest,
    drift: await recentDrift(db, key, recent),
  };
}

async function symbolsWithData(db: Database, interval: BarInterval): Promise<string[]> {
  const fromBars = await db.selectDistinct({ symbol: bars.symbol }).from(bars).where(eq(bars.interval, interval));
  const fromFeatures = await db.selectDistinct({ symbol: features.symbol }).from(features).where(eq(features.interval, interval));
  return [...new Set([...fromBars, ...fromFeatures].map((r) => r.symbol))].sort();
}

/** The feature set and, per symbol with bars or vectors on the interval, coverage, freshness, latest values, drift. */
export async function featuresOverview(db: Database, params: { symbol?: string; interval: BarInterval; recent: number; now: number }): Promise<FeaturesOverview> {
  const known = await symbolsWithData(db, params.interval);
  if (params.symbol && !known.includes(params.symbol)) throw notFound(`Bars or features for ${params.symbol} at ${params.interval}`);
  const symbols: SymbolFeatures[] = [];
  for (const symbol of params.symbol ? [params.symbol] : known) {
    symbols.push(await symbolFeatures(db, { symbol, interval: params.interval, version: FEATURE_SET_V1.version }, params.recent, params.now));
  }
  return { featureSet: FEATURE_SET_V1, interval: params.interval, symbols };
}
