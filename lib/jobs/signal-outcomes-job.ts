import { setModelHitRate } from "@/lib/metrics";
import { z } from "zod";
import type { DatabaseHandle } from "@/lib/db/client";
import { alertModelAccuracyDrop, type Alerter } from "@/lib/alerts";
import { MIN_RESOLVED_CALLS, productionLiveAccuracy } from "@/lib/ml/live/live-accuracy";
import { resolveSignalOutcomes } from "@/lib/ml/live/resolve-signal-outcomes";
import type { JobDefinition } from "./job-queue";

const schema = z.object({}).strict();

/**
 * Fills in the outcomes of live model calls whose horizon has passed (only unresolved rows, so reruns are harmless),
 * then alerts (medium) on each production ensemble whose latest live calls do no better than a constant call.
 */
export function signalOutcomesJob(database: DatabaseHandle, alerter?: Alerter): JobDefinition<typeof schema> {
  return {
    name: "signal-outcomes",
    schema,
    async run() {
      const { resolved } = await resolveSignalOutcomes(database);
      const accuracy = await productionLiveAccuracy(database);
      for (const a of accuracy) setModelHitRate(`${a.name} ${a.symbol}`, a.hitRate);
      const lagging = accuracy.filter((a) => a.resolved >= MIN_RESOLVED_CALLS && a.hitRate <= a.baseline);
      if (alerter) for (const a of lagging) void alertModelAccuracyDrop(alerter, { model: `${a.name} (${a.symbol})`, accuracy: a.hitRate, threshold: a.baseline });
      return { resolved, laggingProduction: lagging.map((a) => ({ version: a.name, hitRate: a.hitRate, baseline: a.baseline, resolved: a.resolved })) };
    },
  };
}
