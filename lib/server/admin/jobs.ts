import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorLabel } from "@/lib/auth/actor";
import { appendAudit } from "@/lib/db/audit";
import { describeCadence, nextFireTime } from "@/lib/jobs/cadence";
import { jobProducer, NoJobRunner } from "@/lib/jobs/job-producer";
import { latestJobRuns, type JobRunRow } from "@/lib/jobs/job-run-store";
import { findJobSchedule, jobSchedules } from "@/lib/jobs/job-schedules";
import { ApiError, notFound } from "../api-error";
import type { ServerContext } from "../context";

/** Runs listed per schedule on the Jobs page. */
export const RUNS_PER_JOB = 10;

export interface JobRunView {
  id: string;
  jobId: string | null;
  trigger: string;
  attempt: number;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  result: unknown;
  error: string | null;
}

export interface JobScheduleView {
  name: string;
  description: string;
  /** "every hour", "cron 0 3 * * 0 (UTC)", or "off". */
  cadence: string;
  setting: string | null;
  nextRunAt: string | null;
  /** Newest first, at most RUNS_PER_JOB. */
  runs: JobRunView[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function runView(row: JobRunRow): JobRunView {
  return {
    id: row.id, jobId: row.jobId, trigger: row.trigger, attempt: row.attempt, status: row.status, startedAt: row.startedAt.toISOString(),
    finishedAt: iso(row.finishedAt), durationMs: row.durationMs, result: row.result, error: row.error,
  };
}

/** Every schedule with its next fire time and last runs. The caller has been checked for the admin scope. */
export async function listJobs(ctx: ServerContext, now = Date.now()): Promise<JobScheduleView[]> {
  const runs = await latestJobRuns(ctx.database.db, RUNS_PER_JOB);
  return jobSchedules(ctx.config).map((s) => ({
    name: s.name,
    description: s.description,
    cadence: describeCadence(s.cadence),
    setting: s.setting,
    nextRunAt: s.cadence ? new Date(nextFireTime(s.cadence, now)).toISOString() : null,
    runs: runs.filter((r) => r.name === s.name).map(runView),
  }));
}

/** Enqueues a schedule's job now (the in-process runner, or BullMQ for the jobs processes), audited as "job.run". */
export async function runJobNow(ctx: ServerContext, admin: Actor, name: string): Promise<{ jobId: string }> {
  const schedule = findJobSchedule(ctx.config, name);
  if (!schedule) throw notFound(`Job schedule ${name}`);
  const queue = await jobProducer(ctx).catch((error: unknown) => {
    throw error instanceof NoJobRunner ? new ApiError(503, "JOBS_UNAVAILABLE", error.message) : error;
  });
  const jobId = await queue.enqueue(schedule.name, schedule.payload, { trigger: "manual" });
  await appendAudit(ctx.database.db, { actor: actorLabel(admin), action: "job.run", target: schedule.name, details: { jobId } });
  return { jobId };
}
