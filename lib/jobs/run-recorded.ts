import type { JobAttempt, JobContext, JobDefinition } from "./job-queue";
import { parsePayload } from "./job-queue";
import type { JobRunRecorder } from "./job-run-recorder";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One attempt of a job as both queues run it: validate the payload, run, and record the attempt (running, then
 * succeeded with its summary or failed with the error). A recording failure never fails the job itself: the table
 * is a report, and a job that did its work must not be retried because the report could not be written.
 */
export async function runRecorded(definition: JobDefinition, payload: unknown, attempt: JobAttempt, ctx: JobContext, recorder?: JobRunRecorder): Promise<unknown> {
  const startedAt = new Date();
  const runId = await recorder?.started(attempt, startedAt).catch(() => undefined);
  const finish = (outcome: Parameters<JobRunRecorder["finished"]>[2]) =>
    runId ? recorder!.finished(runId, startedAt, outcome).catch(() => undefined) : undefined;
  try {
    const result = await definition.run(parsePayload(definition, payload), ctx);
    await finish({ status: "succeeded", result });
    return result;
  } catch (error) {
    await finish({ status: "failed", error: message(error) });
    throw error;
  }
}
