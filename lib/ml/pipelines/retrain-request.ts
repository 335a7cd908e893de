import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { bars } from "@/lib/db/schema";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";
import { trainingRequestSchema, type TrainingRequest } from "@/lib/ml/training/training-request";
import { findTrainingRun } from "@/lib/ml/training/training-run-store";

const BAR_SOURCE_INTERVALS = ["1m", "5m", "1h"] as const;
type BarSourceInterval = (typeof BAR_SOURCE_INTERVALS)[number];

const isBarSourceInterval = (interval: string): interval is BarSourceInterval => (BAR_SOURCE_INTERVALS as readonly string[]).includes(interval);

async function hasStoredBars(db: Database, symbol: string, interval: string): Promise<boolean> {
  const [row] = await db.select({ symbol: bars.symbol }).from(bars).where(and(eq(bars.symbol, symbol), eq(bars.interval, interval))).limit(1);
  return row !== undefined;
}

/**
 * What a retrain of a version asks for: the request its own training run recorded, moved onto the engine's stored bars
 * of the version's symbol and interval when there are any (every bar, not the old period: fresh data is the point of
 * retraining), otherwise that same request. Undefined when there is neither a recorded request nor stored bars.
 */
export async function retrainRequest(db: Database, version: ModelVersionRow): Promise<TrainingRequest | undefined> {
  const run = version.trainingRunId ? await findTrainingRun(db, version.trainingRunId) : undefined;
  const recorded = trainingRequestSchema.safeParse(run?.request);
  const { symbol, interval } = version;
  if (isBarSourceInterval(interval) && (await hasStoredBars(db, symbol, interval))) {
    const data = { source: "bars" as const, symbol, interval };
    return recorded.success ? { ...recorded.data, data, period: {} } : trainingRequestSchema.parse({ data });
  }
  return recorded.success ? recorded.data : undefined;
}
