import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as trainRoute from "@/app/api/models/train/route";
import { bars as barsTable, modelVersions, trainingRuns } from "@/lib/db/schema";
import { featureBackfillJob } from "@/lib/jobs/feature-backfill-job";
import type { JobOptions, JobQueue } from "@/lib/jobs/job-queue";
import { startJobs } from "@/lib/jobs/start-jobs";
import { modelEvaluationJob } from "@/lib/ml/pipelines/model-evaluation-job";
import { modelExpiryJob } from "@/lib/ml/pipelines/model-expiry-job";
import { retrainJob } from "@/lib/ml/pipelines/retrain-job";
import { promoteModelVersion } from "@/lib/ml/registry/promote-version";
import type { ModelVersionRow } from "@/lib/ml/registry/model-version-store";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import { waitFor } from "../support/engine-harness";
import { createTestUser, type TestUser } from "../support/users";
import { backtestServices, generatedBars, jsonRequest, silentLog } from "../backtests/support";

const BARS = generatedBars(640);
const TRAINED_BARS = 440;
const TINY = { forest: { trees: 5, maxDepth: 4 }, lstm: { windowLength: 5, units: 4, epochs: 2 }, dqn: { hiddenUnits: 8, episodes: 2 } };
const BODY = {
  data: { source: "bars", symbol: "SINE", interval: "1m" }, period: { to: new Date(BARS[TRAINED_BARS].openTime).toISOString() },
  horizon: 3, deadZone: 0.0005, seed: 5, ...TINY,
};
const ctx = { progress: async () => undefined };

/** Takes the training jobs the pipelines hand over without running them: the tests look at what was asked. */
class RecordingQueue implements JobQueue {
  readonly kind = "memory" as const;
  readonly enqueued: Array<{ name: string; payload: unknown; options?: JobOptions }> = [];
  async enqueue(name: string, payload: unknown, options?: JobOptions) {
    this.enqueued.push({ name, payload, options });
    return options?.jobId ?? "id";
  }
  async schedule() {}
  async unschedule() {}
  async process() {}
  async close() {}
}

let services: Services;
let jobs: JobQueue;
let admin: TestUser;
let trader: TestUser;
let production: ModelVersionRow;
let shadow: ModelVersionRow;
const db = () => services.database.db;
const trainingRunCount = async () => (await db().select({ n: count() }).from(trainingRuns))[0].n;

beforeAll(async () => {
  services = await backtestServices();
  registerServices(services);
  jobs = await startJobs(services, silentLog);
  [admin, trader] = await Promise.all([createTestUser(services, "admin"), createTestUser(services, "trader")]);
  await db().insert(barsTable).values(BARS.map((b) => ({ ...b, symbol: "SINE", interval: "1m", openTime: new Date(b.openTime), trades: 1 })));
  const { runId } = (await (await trainRoute.POST(jsonRequest(trader.cookie, "/api/models/train", "POST", BODY))).json()) as { runId: string };
  await waitFor(async () => {
    const [run] = await db().select().from(trainingRuns).where(eq(trainingRuns.id, runId));
    if (run?.status === "failed") throw new Error(run.error ?? "training failed");
    return run?.status === "completed";
  }, "the training run", 60_000);
  const [ensemble] = await db().select().from(modelVersions).where(and(eq(modelVersions.trainingRunId, runId), eq(modelVersions.kind, "ensemble")));
  production = ensemble;
  // An older challenger: a newer ensemble of the series would count as newer training for the expiry check.
  const { id: _id, ...copy } = ensemble;
  [shadow] = await db().insert(modelVersions).values({ ...copy, createdAt: new Date(ensemble.createdAt.getTime() - 60_000), version: ensemble.version + 1, status: "shadow" }).returning();
}, 90_000);
afterAll(async () => {
  clearServices();
  await jobs?.close();
  await services?.database.close();
});

describe("feature backfill job", () => {
  it("fills the store for traded symbols with bars, skips symbols without bars, and writes nothing on a rerun", async () => {
    const job = featureBackfillJob(db());
    const first = (await job.run({ symbols: ["SINE", "NOBARS"], interval: "1m" }, ctx)) as { series: number; written: number };
    expect(first.series).toBe(1);
    expect(first.written).toBeGreaterThan(500);
    expect(await job.run({ symbols: ["SINE", "NOBARS"], interval: "1m" }, ctx)).toMatchObject({ series: 1, written: 0 });
  });
});

describe("retraining", () => {
  it("reports nothing to retrain while no ensemble is in production", async () => {
    const queue = new RecordingQueue();
    expect(await retrainJob(db(), queue).run({ cron: "0 3 * * 0" }, ctx)).toMatchObject({ message: "nothing to retrain" });
    expect(queue.enqueued).toEqual([]);
  });

  it("retrains an expired production version once, as a candidate owned by the admin who promoted it", async () => {
    await promoteModelVersion(db(), { id: production.id, status: "production", userId: admin.user.id, actorLabel: "test" });
    const queue = new RecordingQueue();
    const before = await trainingRunCount();
    expect(await modelExpiryJob(db(), queue).run({ maxAgeDays: 30 }, ctx)).toMatchObject({ expired: 0, retrains: [] });
    await new Promise((r) => setTimeout(r, 50));
    const tinyAge = 10 / 86_400_000;
    const first = (await modelExpiryJob(db(), queue).run({ maxAgeDays: tinyAge }, ctx)) as { retrains: Array<{ runId: string; status: string }> };
    expect(first.retrains).toEqual([{ versionId: production.id, runId: expect.any(String), status: "enqueued" }]);
    expect(await modelExpiryJob(db(), queue).run({ maxAgeDays: tinyAge }, ctx)).toMatchObject({ expired: 1, retrains: [] });
    expect(await trainingRunCount()).toBe(before + 1);
    const [run] = await db().select().from(trainingRuns).where(eq(trainingRuns.id, first.retrains[0].runId));
    expect(run).toMatchObject({ status: "queued", createdBy: admin.user.id });
    expect(run.request).toMatchObject({ data: { source: "bars", symbol: "SINE", interval: "1m" }, period: {}, horizon: 3, seed: 5, lstm: TINY.lstm });
    expect(queue.enqueued.map((j) => j.options?.jobId)).toEqual([run.id]);
  });

  it("retrains every production ensemble once per cron slot, and promotes nothing", async () => {
    const queue = new RecordingQueue();
    const before = await trainingRunCount();
    const job = retrainJob(db(), queue);
    const first = (await job.run({ cron: "0 3 * * 0" }, ctx)) as { retrains: Array<{ versionId: string; runId: string; status: string }> };
    const second = (await job.run({ cron: "0 3 * * 0" }, ctx)) as typeof first;
    expect(first.retrains.map((r) => [r.versionId, r.status])).toEqual([[production.id, "enqueued"]]);
    expect(second.retrains).toEqual([{ ...first.retrains[0], status: "already-enqueued" }]);
    expect(await trainingRunCount()).toBe(before + 1);
    const statuses = await db().select({ id: modelVersions.id, status: modelVersions.status }).from(modelVersions).where(eq(modelVersions.kind, "ensemble"));
    expect(statuses.filter((v) => v.status === "production").map((v) => v.id)).toEqual([production.id]);
  });
});

describe("nightly evaluation", () => {
  it("scores production and shadow on bars after their training beside the four baselines, the same on a rerun", async () => {
    const job = modelEvaluationJob(db());
    const versionsBefore = await db().select().from(modelVersions);
    type Result = { series: Array<{ symbol: string; versions: Array<{ versionId: string; status: string; from: string; rows: Array<{ name: string; samples: number; accuracy: number }> }> }> };
    const first = (await job.run({}, ctx)) as Result;
    expect(first.series.map((s) => s.symbol)).toEqual(["SINE"]);
    const [series] = first.series;
    expect(series.versions.map((v) => [v.versionId, v.status])).toEqual([[production.id, "production"], [shadow.id, "shadow"]]);
    for (const version of series.versions) {
      expect(Date.parse(version.from)).toBeGreaterThan(production.dataTo.getTime());
      expect(version.rows.map((r) => r.name).slice(1)).toEqual(["majority-class", "persistence", "buy-and-hold", "ma-cross"]);
      const samples = new Set(version.rows.map((r) => r.samples));
      expect(samples.size).toBe(1);
      expect([...samples][0]).toBeGreaterThanOrEqual(100);
      expect([...samples][0]).toBeLessThanOrEqual(BARS.length - TRAINED_BARS);
      for (const row of version.rows) expect(row.accuracy).toBeGreaterThanOrEqual(0);
    }
    expect(await job.run({}, ctx)).toEqual(first);
    expect(await db().select().from(modelVersions)).toEqual(versionsBefore);
  });
});
