import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { JobDefinition } from "@/lib/jobs/job-queue";
import { EnsembleNotLoadable } from "@/lib/ml/inference/load-ensemble";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";
import { evaluateVersion, type VersionEvaluation } from "./evaluate-version";
import { ensemblesWithStatus } from "./production-ensembles";

const schema = z.object({}).strict();

export interface SeriesComparison {
  symbol: string;
  interval: string;
  versions: VersionEvaluation[];
}

/** Series with a production ensemble and at least one shadow one: production first, then the shadows. */
async function contenders(db: Database): Promise<Array<{ symbol: string; interval: string; versions: ModelVersionRow[] }>> {
  const [production, shadow] = await Promise.all([ensemblesWithStatus(db, "production"), ensemblesWithStatus(db, "shadow")]);
  return production.flatMap((p) => {
    const shadows = shadow.filter((s) => s.symbol === p.symbol && s.interval === p.interval);
    return shadows.length === 0 ? [] : [{ symbol: p.symbol, interval: p.interval, versions: [p, ...shadows] }];
  });
}

/**
 * Nightly walk-forward evaluation: production against its shadow versions on the bars each has not been trained on,
 * beside the baselines. It only reads; the comparison table is its result, kept with the run (job_runs.result).
 */
export function modelEvaluationJob(db: Database): JobDefinition<typeof schema> {
  return {
    name: "model-evaluation",
    schema,
    async run(_payload, ctx) {
      const series: SeriesComparison[] = [];
      for (const group of await contenders(db)) {
        const versions: VersionEvaluation[] = [];
        for (const version of group.versions) {
          if (ctx.signal?.aborted) throw new Error("stopped by shutdown");
          versions.push(await evaluateVersion(db, version).catch((error: unknown) => {
            if (!(error instanceof EnsembleNotLoadable)) throw error;
            return { versionId: version.id, name: `${version.name} v${version.version}`, status: version.status, skipped: error.message };
          }));
        }
        series.push({ symbol: group.symbol, interval: group.interval, versions });
      }
      return series.length === 0 ? { message: "no series has both a production and a shadow ensemble", series } : { series };
    },
  };
}
