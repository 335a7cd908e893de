import "server-only";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { liveHitRate, type LiveHitRate, type SignalBucketCounts } from "./live-hit-rate";
import { listModels } from "./model-service";
import type { ModelVersionView } from "./model-views";
import { hoursAgo, signalBuckets } from "./signal-buckets";

export const metricsQuerySchema = z.object({
  /** How far back the live hit rate reaches, in hours (default 30 days, the model age limit). */
  hours: z.coerce.number().int().min(1).max(8760).default(720),
}).strict();
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export interface VersionMetrics {
  id: string;
  name: string;
  kind: string;
  version: number;
  status: ModelVersionView["status"];
  symbol: string;
  interval: string;
  validation: ModelVersionView["metrics"]["validation"];
  test: ModelVersionView["metrics"]["test"];
  /** The live hit rate per hour from resolved signals, beside the best constant call on the same bars. */
  live: LiveHitRate;
}

/** Training metrics and live hit rate per version, newest first. */
export async function modelMetrics(db: Database, query: MetricsQuery): Promise<{ since: string; versions: VersionMetrics[] }> {
  const since = hoursAgo(query.hours);
  const [versions, buckets] = await Promise.all([listModels(db), signalBuckets(db, since)]);
  const byVersion = new Map<string, SignalBucketCounts[]>();
  for (const bucket of buckets) byVersion.set(bucket.versionId, [...(byVersion.get(bucket.versionId) ?? []), bucket]);
  return {
    since: since.toISOString(),
    versions: versions.map((v) => ({
      id: v.id, name: v.name, kind: v.kind, version: v.version, status: v.status, symbol: v.symbol, interval: v.interval,
      validation: v.metrics.validation, test: v.metrics.test, live: liveHitRate(byVersion.get(v.id) ?? []),
    })),
  };
}
