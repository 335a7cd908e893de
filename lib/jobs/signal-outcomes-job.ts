import { z } from "zod";
import type { DatabaseHandle } from "@/lib/db/client";
import { resolveSignalOutcomes } from "@/lib/ml/live/resolve-signal-outcomes";
import type { JobDefinition } from "./job-queue";

const schema = z.object({}).strict();

/** Fills in the outcomes of live model calls whose horizon has passed (only unresolved rows, so reruns are harmless). */
export function signalOutcomesJob(database: DatabaseHandle): JobDefinition<typeof schema> {
  return { name: "signal-outcomes", schema, run: () => resolveSignalOutcomes(database) };
}
