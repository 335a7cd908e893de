import "server-only";
import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { bars, features, modelVersions } from "@/lib/db/schema";
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

/** What the recent vectors are compared with: the production ensemble's training range, or the history before them. */
export type DriftReference = { kind: "training"; versionId: string } | { kind: "history" };

export type SymbolDrift =
  | ({ status: "scored"; recent: number; reference: number; referenceFrom: number; referenceTo: number; against: DriftReference } & FeatureDrift)
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

/** The stored vectors of the bars the symbol's production ensemble was trained on, when enough of them are stored. */
async function trainingReference(db: Database, key: FeatureSeriesKey): Promise<{ vectors: FeatureVector[]; versionId: string } | null> {
  const [production] = await db.select({ id: modelVersions.id, dataFrom: modelVersions.dataFrom, dataTo: modelVersions.dataTo }).from(modelVersions)
    .where(and(eq(modelVersions.kind, "ensemble"), eq(modelVersions.status, "production"), eq(modelVersions.symbol, key.symbol), eq(modelVersions.interval, key.interval)))
    .orderBy(desc(modelVersions.promotedAt)).limit(1);
  if (!production) return null;
  const rows = await db.select({ ts: features.ts, values: features.values }).from(features)
    .where(and(eq(features.symbol, key.symbol), eq(features.interval, key.interval), eq(features.version, key.version), gte(features.ts, production.dataFrom), lte(features.ts, production.dataTo)))
    .orderBy(asc(features.ts)).limit(MAX_REFERENCE_VECTORS);
  return rows.length < MIN_REFERENCE_VECTORS ? null : { vectors: rows.map((r) => ({ ts: r.ts.getTime(), values: r.values })), versionId: production.id };
}

/**
 * Drift of the latest `recent` vectors against the training distribution: the stored vectors of the production
 * ensemble's training range. Without one (no production model, or one trained on an uploaded file whose bars are not
 * stored), the stored history before the recent window stands in: "has the market moved from what we have seen".
 */
async function recentDrift(db: Database, key: FeatureSeriesKey, recentCount: number): Promise<SymbolDrift> {
  const recent = await readFeatureVectors(db, { ...key, limit: recentCount });
  const training = recent.length === 0 ? null : await trainingReference(db, key);
  const reference = training?.vectors ?? (recent.length === 0 ? [] : await readFeatureVectors(db, { ...key, limit: MAX_REFERENCE_VECTORS, before: recent[0].ts }));
  if (recent.length < recentCount || reference.length < MIN_REFERENCE_VECTORS) {
    return { status: "insufficient-data", recent: recent.length, reference: reference.length, needed: { recent: recentCount, reference: MIN_REFERENCE_VECTORS } };
  }
  const drift = featureDrift(reference, recent, marketFeatureNames(FEATURE_SET_V1));
  const against: DriftReference = training ? { kind: "training", versionId: training.versionId } : { kind: "history" };
  return { status: "scored", recent: recent.length, reference: reference.length, referenceFrom: reference[0].ts, referenceTo: reference.at(-1)!.ts, against, ...drift };
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
