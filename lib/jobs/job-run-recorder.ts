import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";
import type { JobAttempt } from "./job-queue";

export type JobOutcome = { status: "succeeded"; result: unknown } | { status: "failed"; error: string };

/** Where each attempt of a job is written down: a row when it starts, completed when it ends. */
export interface JobRunRecorder {
  started(attempt: JobAttempt, startedAt: Date): Promise<string>;
  finished(runId: string, startedAt: Date, outcome: JobOutcome): Promise<void>;
}

/** Results are summaries; anything that is not plain JSON (undefined, a count) is wrapped so jsonb stores it. */
function jsonResult(result: unknown): unknown {
  if (result === undefined) return null;
  return typeof result === "object" ? result : { value: result };
}

/** The job_runs table: what the admin Jobs page lists. */
export function databaseRecorder(db: Database): JobRunRecorder {
  return {
    async started(attempt, startedAt) {
      const [row] = await db.insert(jobRuns)
        .values({ name: attempt.name, jobId: attempt.jobId, trigger: attempt.trigger, attempt: attempt.attempt, status: "running", startedAt })
        .returning({ id: jobRuns.id });
      return row.id;
    },
    async finished(runId, startedAt, outcome) {
      const finishedAt = new Date();
      await db.update(jobRuns).set({
        status: outcome.status,
        finishedAt,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        result: outcome.status === "succeeded" ? jsonResult(outcome.result) : null,
        error: outcome.status === "failed" ? outcome.error : null,
      }).where(eq(jobRuns.id, runId));
    },
  };
}
