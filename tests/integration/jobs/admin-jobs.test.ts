import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runRoute from "@/app/api/admin/jobs/[name]/run/route";
import * as jobsRoute from "@/app/api/admin/jobs/route";
import { auditLog, jobRuns } from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startJobs } from "@/lib/jobs/start-jobs";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import type { JobScheduleView } from "@/lib/server/admin/jobs";
import { waitFor } from "../support/engine-harness";
import { createTestUser, type TestUser } from "../support/users";
import { backtestServices, errorOf, jsonRequest, silentLog } from "../backtests/support";

let services: Services;
let jobs: JobQueue;
let admin: TestUser;
let trader: TestUser;

const runNow = (cookie: string, name: string) =>
  runRoute.POST(jsonRequest(cookie, `/api/admin/jobs/${name}/run`, "POST"), { params: Promise.resolve({ name }) });
const listJobs = async (cookie: string) => (await (await jobsRoute.GET(jsonRequest(cookie, "/api/admin/jobs"))).json()) as { jobs: JobScheduleView[] };

beforeAll(async () => {
  services = await backtestServices();
  registerServices(services);
  jobs = await startJobs(services, silentLog);
  [admin, trader] = await Promise.all([createTestUser(services, "admin"), createTestUser(services, "trader")]);
});
afterAll(async () => {
  clearServices();
  await jobs?.close();
  await services?.database.close();
});

describe("the admin Jobs API", () => {
  it("lists every schedule with its cadence and next run", async () => {
    const { jobs: listed } = await listJobs(admin.cookie);
    expect(listed.map((j) => [j.name, j.cadence])).toEqual([
      ["tick-retention", "every hour"], ["feature-backfill", "every 15 minutes"], ["retrain", "cron 0 3 * * 0 (UTC)"],
      ["model-expiry", "every hour"], ["model-evaluation", "cron 30 1 * * * (UTC)"], ["signal-outcomes", "every minute"],
    ]);
    for (const job of listed) expect(Date.parse(job.nextRunAt!)).toBeGreaterThan(Date.now());
    const retrain = new Date(listed[2].nextRunAt!);
    expect([retrain.getUTCDay(), retrain.getUTCHours(), retrain.getUTCMinutes()]).toEqual([0, 3, 0]);
  });

  it("runs a job now for an admin: 202 with the job id, a manual run recorded with its outcome, and an audit entry", async () => {
    const response = await runNow(admin.cookie, "tick-retention");
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    const run = await waitFor(async () => {
      const [row] = await services.database.db.select().from(jobRuns).where(and(eq(jobRuns.jobId, jobId), eq(jobRuns.status, "succeeded")));
      return row;
    }, "the manual run to succeed");
    expect(run).toMatchObject({ name: "tick-retention", trigger: "manual", attempt: 1, result: { barsBuilt: 0, deleted: 0 } });
    const [audit] = await services.database.db.select().from(auditLog).where(eq(auditLog.action, "job.run")).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ target: "tick-retention", details: { jobId } });
    expect(audit.actor).toContain(admin.user.email);

    const listed = (await listJobs(admin.cookie)).jobs.find((j) => j.name === "tick-retention")!;
    expect(listed.runs[0]).toMatchObject({ jobId, status: "succeeded", trigger: "manual" });
    expect(listed.runs[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it("refuses a trader (403) and an unknown schedule (404), enqueueing nothing", async () => {
    const before = await services.database.db.select().from(jobRuns);
    expect(await errorOf(await runNow(trader.cookie, "tick-retention"))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((await jobsRoute.GET(jsonRequest(trader.cookie, "/api/admin/jobs"))).status).toBe(403);
    expect(await errorOf(await runNow(admin.cookie, "no-such-job"))).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await errorOf(await runNow(admin.cookie, "Bad Name"))).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
    await new Promise((r) => setTimeout(r, 200));
    const after = await services.database.db.select().from(jobRuns);
    expect(after.filter((r) => r.trigger === "manual").length).toBe(before.filter((r) => r.trigger === "manual").length);
  });
});
