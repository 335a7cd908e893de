import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/backtests/[id]/cancel/route";
import * as runRoute from "@/app/api/backtests/[id]/route";
import * as datasetsRoute from "@/app/api/backtests/datasets/route";
import * as runsRoute from "@/app/api/backtests/route";
import { backtestJob } from "@/lib/backtest/jobs/backtest-job";
import { insertDataset } from "@/lib/backtest/jobs/dataset-store";
import { resumeUnfinishedRuns } from "@/lib/backtest/jobs/enqueue-run";
import { optimizeJob } from "@/lib/backtest/jobs/optimize-job";
import type { BacktestResultJson, DatasetSummary, OptimizeResultJson, RunSummary } from "@/lib/backtest/jobs/run-view";
import { MemoryBus } from "@/lib/bus/memory-bus";
import { parseConfig } from "@/lib/config";
import { createPostgres, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { BullmqJobQueue } from "@/lib/jobs/bullmq-job-queue";
import { jobProducer, NoJobRunner } from "@/lib/jobs/job-producer";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import { backtestingCsv, errorOf, generatedBars, jsonRequest, params, uploadRequest, waitForRun } from "../integration/backtests/support";
import { TEST_ENV } from "../integration/support/engine-harness";
import { createTestUser, type TestUser } from "../integration/support/users";
import { createTestDatabase, REDIS_URL, requireRedis, type TestDatabase } from "./support/infrastructure";

// A queue of its own, removed afterwards: nothing else on this Redis sees these jobs.
const QUEUE = `tf-test-backtests-${randomUUID()}`;
let database: TestDatabase;
let web: Services;
let workerDb: DatabaseHandle;
let producer: BullmqJobQueue;
let consumer: BullmqJobQueue | undefined;
let user: TestUser;
let dataset: DatasetSummary;

/** The jobs process: its own database pool and a BullMQ worker on the shared queue. */
async function startConsumer(): Promise<BullmqJobQueue> {
  const queue = new BullmqJobQueue(REDIS_URL, undefined, QUEUE);
  await queue.process([backtestJob(workerDb, { chunkBars: 200 }), optimizeJob(workerDb)]);
  return queue;
}

beforeAll(async () => {
  await requireRedis();
  database = await createTestDatabase("tf_backtests");
  const webDb = await createPostgres(database.url, 3);
  await migrateDatabase(webDb);
  workerDb = await createPostgres(database.url, 3);
  producer = new BullmqJobQueue(REDIS_URL, undefined, QUEUE);
  // The web process: it enqueues (producer only) and never processes.
  web = { config: parseConfig({ ...TEST_ENV, DATABASE_URL: database.url, REDIS_URL }), database: webDb, bus: new MemoryBus(), mode: "split", startedAt: Date.now(), jobs: producer };
  registerServices(web);
  user = await createTestUser(web, "viewer");
  const upload = await datasetsRoute.POST(uploadRequest(user.cookie, new Blob([backtestingCsv(generatedBars(600))]), "SINE.csv"));
  expect(upload.status).toBe(201);
  dataset = ((await upload.json()) as { dataset: DatasetSummary }).dataset;
});
afterAll(async () => {
  clearServices();
  await consumer?.close();
  await producer?.obliterate();
  await producer?.close();
  await web?.database.close();
  await workerDb?.close();
  await database?.drop();
});

const create = async (body: unknown): Promise<RunSummary> => {
  const response = await runsRoute.POST(jsonRequest(user.cookie, "/api/backtests", "POST", body));
  expect(response.status).toBe(201);
  return ((await response.json()) as { run: RunSummary }).run;
};
const finished = (run: RunSummary) => ["completed", "failed", "cancelled"].includes(run.status);
const backtest = (fast: number, slow: number) => ({ kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast, slow } });

describe("backtests in split mode (PostgreSQL, BullMQ)", () => {
  it("a run the web process enqueues waits for a jobs process, then completes there", async () => {
    const queued = await create(backtest(10, 30));
    await new Promise((r) => setTimeout(r, 500));
    expect((await waitForRun(runRoute, user.cookie, queued.id, () => true, "the run")).status).toBe("queued");
    consumer = await startConsumer();
    const run = await waitForRun(runRoute, user.cookie, queued.id, finished, "the consumer to finish the run");
    expect(run.status).toBe("completed");
    expect(run.progress).toBe(1);
    expect((run.result as BacktestResultJson).trades.length).toBeGreaterThan(3);
    const [stored] = await database.sql<{ request: string; result: string }[]>`select jsonb_typeof(request) as request, jsonb_typeof(result) as result from backtest_runs where id = ${queued.id}`;
    expect(stored).toEqual({ request: "object", result: "object" });
  });

  it("runs an optimisation in the jobs process", async () => {
    const queued = await create({ kind: "optimize", data: { source: "dataset", datasetId: dataset.id }, grid: { fast: [5, 10], slow: [20, 30] }, windows: { train: 200, test: 100 } });
    const run = await waitForRun(runRoute, user.cookie, queued.id, finished, "the optimisation");
    expect(run.status).toBe("completed");
    expect((run.result as OptimizeResultJson).windows).toHaveLength(4);
  });

  it("cancels a running job from the web process", async () => {
    const long = await insertDataset(web.database.db, {
      name: "long", symbol: "LONG", format: "backtesting-csv", recording: { kind: "bars", bars: generatedBars(300_000), intervalMs: 60_000 }, createdBy: user.user.id,
    });
    const queued = await create({ ...backtest(10, 30), data: { source: "dataset", datasetId: long.id } });
    await waitForRun(runRoute, user.cookie, queued.id, (r) => r.status === "running" && r.progress > 0, "progress from the jobs process", 60_000);
    expect((await cancelRoute.POST(jsonRequest(user.cookie, "/x", "POST"), params(queued.id))).status).toBe(200);
    const run = await waitForRun(runRoute, user.cookie, queued.id, finished, "the cancelled run to stop");
    expect(run.status).toBe("cancelled");
  });

  it("a jobs process picks up a run left running when the previous one stopped", async () => {
    await consumer!.close();
    const queued = await create(backtest(5, 20));
    // The enqueued job is gone with the stopped process; the row still says running.
    await producer.obliterate();
    await database.sql`update backtest_runs set status = 'running', progress = 0.3 where id = ${queued.id}`;
    consumer = await startConsumer();
    expect(await resumeUnfinishedRuns(workerDb.db, producer)).toBe(1);
    const run = await waitForRun(runRoute, user.cookie, queued.id, finished, "the resumed run");
    expect(run.status).toBe("completed");
  });

  it("a web process without a job runner enqueues through a BullMQ producer, or answers 503 without Redis", async () => {
    const bare: Services = { ...web, jobs: undefined };
    const lazy = await jobProducer(bare);
    expect(lazy.kind).toBe("bullmq");
    expect(await jobProducer(bare)).toBe(lazy);
    await lazy.close();
    await expect(jobProducer({ ...web, jobs: undefined, config: { ...web.config, REDIS_URL: undefined } })).rejects.toBeInstanceOf(NoJobRunner);
    registerServices({ ...web, jobs: undefined, config: { ...web.config, REDIS_URL: undefined } });
    const refused = await runsRoute.POST(jsonRequest(user.cookie, "/api/backtests", "POST", backtest(10, 30)));
    expect(await errorOf(refused)).toMatchObject({ status: 503, code: "JOBS_UNAVAILABLE" });
    registerServices(web);
  });
});
