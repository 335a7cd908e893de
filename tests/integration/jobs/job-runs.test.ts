import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { jobRuns } from "@/lib/db/schema";
import { databaseRecorder } from "@/lib/jobs/job-run-recorder";
import { MemoryJobQueue } from "@/lib/jobs/memory-job-queue";
import { waitFor } from "../support/engine-harness";

let database: DatabaseHandle;
const queues: MemoryJobQueue[] = [];
const open = () => {
  const queue = new MemoryJobQueue(undefined, databaseRecorder(database.db));
  queues.push(queue);
  return queue;
};
const runsOf = (name: string) => database.db.select().from(jobRuns).where(eq(jobRuns.name, name)).orderBy(asc(jobRuns.startedAt), asc(jobRuns.attempt));

beforeAll(async () => {
  database = await createPglite();
  await migrateDatabase(database);
});
afterAll(async () => {
  for (const queue of queues) await queue.close();
  await database?.close();
});

describe("job run records (in-process runner)", () => {
  it("records a scheduled run as running, then succeeded with its duration and summary", async () => {
    const queue = open();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await queue.process([{ name: "sweep", schema: z.object({ n: z.number() }).strict(), run: async ({ n }) => {
      await gate;
      await new Promise((r) => setTimeout(r, 30));
      return { swept: n };
    } }]);
    await queue.schedule("sweep", { everyMs: 250 }, { n: 3 });
    const running = await waitFor(async () => (await runsOf("sweep")).find((r) => r.status === "running"), "a running row");
    expect(running).toMatchObject({ trigger: "schedule", attempt: 1, finishedAt: null, durationMs: null });
    expect(running.jobId).toMatch(/^sweep:\d+$/);
    release();
    const done = await waitFor(async () => (await runsOf("sweep")).find((r) => r.id === running.id && r.status !== "running"), "the run to finish");
    expect(done).toMatchObject({ status: "succeeded", trigger: "schedule", result: { swept: 3 }, error: null });
    expect(done.durationMs).toBeGreaterThanOrEqual(30);
    expect(done.finishedAt!.getTime() - done.startedAt.getTime()).toBe(done.durationMs);
    await queue.unschedule("sweep");
  });

  it("records a failed attempt that is retried as failed with its attempt number, then the retry", async () => {
    const queue = open();
    let calls = 0;
    await queue.process([{ name: "flaky", schema: z.object({}).strict(), run: async () => {
      calls += 1;
      if (calls === 1) throw new Error("database away");
      return { ok: true };
    } }]);
    const jobId = await queue.enqueue("flaky", {});
    const runs = await waitFor(async () => {
      const rows = await runsOf("flaky");
      return rows.length === 2 && rows[1].status === "succeeded" ? rows : undefined;
    }, "the retry to succeed");
    expect(runs.map((r) => [r.attempt, r.status, r.error, r.trigger, r.jobId])).toEqual([
      [1, "failed", "database away", "request", jobId],
      [2, "succeeded", null, "request", jobId],
    ]);
    expect(runs[1].startedAt.getTime() - runs[0].finishedAt!.getTime()).toBeGreaterThanOrEqual(900);
  });

  it("records an admin's run-now as manual, and a bad payload as failed without a retry", async () => {
    const queue = open();
    await queue.process([{ name: "strict", schema: z.object({ n: z.number() }).strict(), run: async ({ n }) => n * 2 }]);
    await queue.enqueue("strict", { n: 4 }, { trigger: "manual" });
    await queue.enqueue("strict", { n: "four" });
    const runs = await waitFor(async () => {
      const rows = await runsOf("strict");
      return rows.filter((r) => r.status !== "running").length === 2 ? rows : undefined;
    }, "both runs");
    expect(runs.find((r) => r.trigger === "manual")).toMatchObject({ status: "succeeded", result: { value: 8 } });
    const refused = runs.find((r) => r.trigger === "request")!;
    expect(refused).toMatchObject({ status: "failed", attempt: 1 });
    expect(refused.error).toMatch(/invalid payload: n:/);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await runsOf("strict")).length).toBe(2);
  });
});
