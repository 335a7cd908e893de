import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runRoute from "@/app/api/admin/jobs/[name]/run/route";
import { MemoryBus } from "@/lib/bus/memory-bus";
import { parseConfig } from "@/lib/config";
import { createPostgres, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { BullmqJobQueue } from "@/lib/jobs/bullmq-job-queue";
import { databaseRecorder } from "@/lib/jobs/job-run-recorder";
import { jobSchedules } from "@/lib/jobs/job-schedules";
import { tickRetentionJob } from "@/lib/jobs/tick-retention";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import { TEST_ENV, waitFor } from "../integration/support/engine-harness";
import { createTestUser } from "../integration/support/users";
import { createTestDatabase, REDIS_URL, requireRedis, type TestDatabase } from "./support/infrastructure";

// A queue of its own, removed afterwards, so neither other suites nor a running jobs process see these jobs.
const QUEUE = `tf-test-jobs-${randomUUID()}`;
let testDb: TestDatabase;
let database: DatabaseHandle;
let worker: BullmqJobQueue;
let producer: BullmqJobQueue;
let inspector: Queue;

const runsOf = (name: string) => database.query<{ trigger: string; status: string; job_id: string; duration_ms: number | null; result: unknown }>(
  "select trigger, status, job_id, duration_ms, result from job_runs where name = $1 order by started_at", [name]);

beforeAll(async () => {
  await requireRedis();
  testDb = await createTestDatabase("tf_jobs");
  database = await createPostgres(testDb.url, 3);
  await migrateDatabase(database);
  worker = new BullmqJobQueue(REDIS_URL, undefined, QUEUE, databaseRecorder(database.db));
  producer = new BullmqJobQueue(REDIS_URL, undefined, QUEUE);
  inspector = new Queue(QUEUE, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }) });
  await worker.process([tickRetentionJob(database)]);
});
afterAll(async () => {
  clearServices();
  await worker?.obliterate();
  await inspector?.close();
  await worker?.close();
  await producer?.close();
  await database?.close();
  await testDb?.drop();
});

describe("scheduled jobs on BullMQ (split mode)", () => {
  it("registers the cron schedules as BullMQ job schedulers with their UTC pattern, and drops a schedule turned off", async () => {
    const config = parseConfig({ ...TEST_ENV, RETRAIN_CRON: "15 4 * * 1" });
    for (const s of jobSchedules(config)) if (s.cadence) await worker.schedule(s.name, s.cadence, s.payload);
    expect(await inspector.getJobScheduler("retrain")).toMatchObject({ pattern: "15 4 * * 1", tz: "UTC", template: { data: { cron: "15 4 * * 1" } } });
    expect(await inspector.getJobScheduler("model-evaluation")).toMatchObject({ pattern: "30 1 * * *", tz: "UTC" });
    expect(await inspector.getJobScheduler("tick-retention")).toMatchObject({ every: 3_600_000 });
    const next = new Date((await inspector.getJobScheduler("retrain"))!.next!);
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 4, 15]);

    await worker.unschedule("retrain");
    expect(await inspector.getJobScheduler("retrain")).toBeUndefined();
    for (const s of jobSchedules(config)) await worker.unschedule(s.name);
  });

  it("runs a job when its cron fires and records the run as scheduled", async () => {
    await worker.schedule("tick-retention", { cron: "*/2 * * * * *" }, { retentionHours: 72 });
    const [run] = await waitFor(async () => {
      const rows = (await runsOf("tick-retention")).filter((r) => r.trigger === "schedule" && r.status === "succeeded");
      return rows.length > 0 ? rows : undefined;
    }, "a scheduled run", 15_000);
    expect(run.job_id).toMatch(/^repeat:/);
    expect(run.result).toMatchObject({ barsBuilt: 0, deleted: 0 });
    await worker.unschedule("tick-retention");
  });

  it("a run-now from a split-mode web process lands in job_runs as a manual run", async () => {
    const config = parseConfig({ ...TEST_ENV, DATABASE_URL: testDb.url, REDIS_URL });
    const services: Services = { config, database, bus: new MemoryBus(), mode: "split", startedAt: Date.now(), jobs: producer };
    registerServices(services);
    const admin = await createTestUser(services, "admin");
    const request = new Request("http://localhost:3000/api/admin/jobs/tick-retention/run", { method: "POST", headers: { cookie: admin.cookie } });
    const response = await runRoute.POST(request, { params: Promise.resolve({ name: "tick-retention" }) });
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    const run = await waitFor(async () => (await runsOf("tick-retention")).find((r) => r.job_id === jobId && r.status === "succeeded"), "the manual run", 15_000);
    expect(run).toMatchObject({ trigger: "manual", result: { barsBuilt: 0, deleted: 0 } });
    expect(run.duration_ms).toBeGreaterThanOrEqual(0);
  });
});
