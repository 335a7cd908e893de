import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as promoteRoute from "@/app/api/models/[id]/promote/route";
import * as metricsRoute from "@/app/api/models/metrics/route";
import * as modelsRoute from "@/app/api/models/route";
import * as cancelRoute from "@/app/api/models/train/[id]/cancel/route";
import * as runRoute from "@/app/api/models/train/[id]/route";
import * as trainRoute from "@/app/api/models/train/route";
import { auditLog, bars as barsTable, modelVersions } from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startJobs } from "@/lib/jobs/start-jobs";
import { confusionMatrix } from "@/lib/ml/evaluation/classification-metrics";
import type { EvaluationRow } from "@/lib/ml/evaluation/evaluation-row";
import { LstmClassifier, type LstmArtifact } from "@/lib/ml/neural/lstm-classifier";
import { RandomForestModel, type RandomForestArtifact } from "@/lib/ml/random-forest-model";
import { forestPredictor } from "@/lib/ml/training/train-forest-member";
import { lstmPredictor } from "@/lib/ml/training/train-lstm-member";
import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import { buildTrainingSamples, samplePart } from "@/lib/ml/training/training-samples";
import { MODELS_CHANGED_TOPIC } from "@/lib/ml/live/models-changed";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import { listModels } from "@/lib/server/models/model-service";
import type { ModelVersionView, TrainingRunView } from "@/lib/server/models/model-views";
import { waitFor } from "../support/engine-harness";
import { createTestUser, type TestUser } from "../support/users";
import { backtestServices, errorOf, generatedBars, jsonRequest, params, silentLog } from "../backtests/support";

const BARS = generatedBars(420);
const TINY = { forest: { trees: 5, maxDepth: 4 }, lstm: { windowLength: 5, units: 4, epochs: 2 }, dqn: { hiddenUnits: 8, episodes: 2 } };
const BODY = { data: { source: "bars", symbol: "SINE", interval: "1m" }, horizon: 3, deadZone: 0.0005, seed: 5, ...TINY };

let services: Services;
let jobs: JobQueue;
let admin: TestUser;
let trader: TestUser;
let viewer: TestUser;
let completed: TrainingRunView;

const train = (cookie: string, body: unknown) => trainRoute.POST(jsonRequest(cookie, "/api/models/train", "POST", body));
const getRun = async (id: string): Promise<TrainingRunView> =>
  ((await (await runRoute.GET(jsonRequest(trader.cookie, `/api/models/train/${id}`), params(id))).json()) as { run: TrainingRunView }).run;
const waitForRun = (id: string, accept: (run: TrainingRunView) => boolean, what: string) =>
  waitFor(async () => {
    const run = await getRun(id);
    return accept(run) ? run : undefined;
  }, what, 30_000);
const promote = (cookie: string, id: string, body: unknown) => promoteRoute.POST(jsonRequest(cookie, `/api/models/${id}/promote`, "POST", body), params(id));
const listVersions = async (): Promise<ModelVersionView[]> => ((await (await modelsRoute.GET(jsonRequest(viewer.cookie, "/api/models"))).json()) as { versions: ModelVersionView[] }).versions;

beforeAll(async () => {
  services = await backtestServices();
  registerServices(services);
  jobs = await startJobs(services, silentLog);
  [admin, trader, viewer] = await Promise.all([createTestUser(services, "admin"), createTestUser(services, "trader"), createTestUser(services, "viewer")]);
  await services.database.db.insert(barsTable).values(BARS.map((b) => ({ ...b, symbol: "SINE", interval: "1m", openTime: new Date(b.openTime), trades: 1 })));
  const response = await train(trader.cookie, BODY);
  expect(response.status).toBe(202);
  const { runId } = (await response.json()) as { runId: string };
  completed = await waitForRun(runId, (r) => ["completed", "failed", "cancelled"].includes(r.status), "the training run to finish");
});
afterAll(async () => {
  clearServices();
  await jobs?.close();
  await services?.database.close();
});

describe("training as a job", () => {
  it("completes with progress 1 and stores four candidate versions whose metrics sit beside the baselines", async () => {
    expect(completed).toMatchObject({ status: "completed", progress: 1, stage: "done", error: null });
    const versions = (await listVersions()).filter((v) => v.trainingRunId === completed.id);
    expect(versions.map((v) => v.name).sort()).toEqual(["ddqn-v1", "ensemble-v1", "lstm-v1", "rf-v1"]);
    for (const v of versions) {
      expect(v).toMatchObject({ status: "candidate", version: 1, symbol: "SINE", interval: "1m", featureSetVersion: "v1", expired: false });
      for (const window of [v.metrics.validation, v.metrics.test]) {
        expect(window.baselines.map((b) => b.name)).toEqual(["majority-class", "persistence", "buy-and-hold", "ma-cross"]);
        expect(window.baselines.every((b) => b.samples === window.model.samples && b.samples >= 20)).toBe(true);
        expect(window.model.accuracy).toBeGreaterThanOrEqual(0);
      }
    }
    const DAY = 86_400_000;
    const later = (days: number, maxAgeMs?: number) => listModels(services.database.db, { now: Date.now() + days * DAY, maxAgeMs });
    expect((await later(29)).filter((v) => v.trainingRunId === completed.id).map((v) => v.expired)).toEqual([false, false, false, false]);
    expect((await later(31)).filter((v) => v.trainingRunId === completed.id).map((v) => v.expired)).toEqual([true, true, true, true]);
    expect((await later(2, 1 * DAY)).filter((v) => v.trainingRunId === completed.id).every((v) => v.expired)).toBe(true);
    const metrics = (await (await metricsRoute.GET(jsonRequest(viewer.cookie, "/api/models/metrics"))).json()) as { versions: Array<{ id: string; live: { resolved: number; buckets: unknown[] } }> };
    expect(metrics.versions.filter((m) => versions.some((v) => v.id === m.id)).map((m) => [m.live.resolved, m.live.buckets])).toEqual([[0, []], [0, []], [0, []], [0, []]]);
    const rf = versions.find((v) => v.kind === "rf")!;
    expect(rf.importance!.features.length).toBeGreaterThan(10);
    expect(rf.importance!.features.reduce((sum, f) => sum + f.importance, 0)).toBeCloseTo(1, 6);
    expect(versions.find((v) => v.kind === "ensemble")!.importance?.fromVersionId).toBe(rf.id);
  });

  it("reloads the stored RF and LSTM artifacts to the exact test predictions scored before storage", async () => {
    const rows = await services.database.db.select().from(modelVersions).where(eq(modelVersions.trainingRunId, completed.id));
    const samples = buildTrainingSamples(BARS, trainingRequestSchema.parse(BODY));
    const test = samplePart(samples, samples.split.test);
    const storedConfusion = (kind: string) => (rows.find((r) => r.kind === kind)!.metrics as { test: { model: EvaluationRow } }).test.model.confusion;
    const rf = RandomForestModel.fromJSON(rows.find((r) => r.kind === "rf")!.artifact as RandomForestArtifact);
    expect(confusionMatrix(test.labels, (await forestPredictor(rf, samples)(test.positions)).directions)).toEqual(storedConfusion("rf"));
    const lstm = await LstmClassifier.fromArtifact(rows.find((r) => r.kind === "lstm")!.artifact as LstmArtifact);
    expect(confusionMatrix(test.labels, (await lstmPredictor(lstm, samples)(test.positions)).directions)).toEqual(storedConfusion("lstm"));
    lstm.dispose();
    const ensemble = rows.find((r) => r.kind === "ensemble")!.artifact as { members: Array<{ versionId: string; weight: number }> };
    expect(ensemble.members.map((m) => m.versionId).sort()).toEqual(rows.filter((r) => r.kind !== "ensemble").map((r) => r.id).sort());
  });

  it("ends cancelled when cancelled mid-run, storing no versions", async () => {
    const response = await train(trader.cookie, { ...BODY, lstm: { windowLength: 5, units: 4, epochs: 40 } });
    const { runId } = (await response.json()) as { runId: string };
    await waitForRun(runId, (r) => r.stage?.startsWith("lstm epoch") === true, "an lstm epoch");
    const cancel = await cancelRoute.POST(jsonRequest(trader.cookie, `/api/models/train/${runId}/cancel`, "POST"), params(runId));
    expect(cancel.status).toBe(200);
    const run = await waitForRun(runId, (r) => r.status !== "running", "the run to stop");
    expect(run.status).toBe("cancelled");
    expect(run.progress).toBeLessThan(0.55);
    expect(await services.database.db.select().from(modelVersions).where(eq(modelVersions.trainingRunId, runId))).toEqual([]);
  });
});

describe("promotion", () => {
  it("by an admin: production archives the previous production version of the name, shadow runs alongside, all audited", async () => {
    const db = services.database.db;
    const [first] = await db.select().from(modelVersions).where(and(eq(modelVersions.trainingRunId, completed.id), eq(modelVersions.kind, "rf")));
    const { id: _id, createdAt: _c, ...copy } = first;
    const [second] = await db.insert(modelVersions).values({ ...copy, version: first.version + 1 }).returning();
    const [third] = await db.insert(modelVersions).values({ ...copy, version: first.version + 2 }).returning();
    expect((await promote(admin.cookie, first.id, { status: "production" })).status).toBe(200);
    expect((await promote(admin.cookie, third.id, { status: "shadow" })).status).toBe(200);
    const response = await promote(admin.cookie, second.id, { status: "production" });
    expect(await response.json()).toMatchObject({ version: { id: second.id, status: "production", promotedBy: admin.user.id }, archived: [first.id] });
    const byId = new Map((await listVersions()).map((v) => [v.id, v.status]));
    expect([byId.get(first.id), byId.get(second.id), byId.get(third.id)]).toEqual(["archived", "production", "shadow"]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "model.promote"), eq(auditLog.target, second.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ from: "candidate", to: "production", archived: [first.id], name: "rf-v1" });
  });

  it("tells the engine at once, so it reloads its live ensembles without waiting for its next poll", async () => {
    const announced: unknown[] = [];
    const off = await services.bus.subscribe(MODELS_CHANGED_TOPIC, (message) => void announced.push(message));
    const [version] = await services.database.db.select().from(modelVersions).where(and(eq(modelVersions.trainingRunId, completed.id), eq(modelVersions.kind, "lstm")));
    expect((await promote(admin.cookie, version.id, { status: "shadow" })).status).toBe(200);
    await off();
    expect(announced).toEqual([expect.objectContaining({ versionId: version.id })]);
  });

  it("is exclusive per symbol: promoting one symbol's version leaves another symbol's production version alone", async () => {
    const db = services.database.db;
    const [base] = await db.select().from(modelVersions).where(and(eq(modelVersions.trainingRunId, completed.id), eq(modelVersions.kind, "ddqn")));
    const { id: _id, createdAt: _c, ...copy } = base;
    const [btc] = await db.insert(modelVersions).values({ ...copy, symbol: "BTCUSDT", version: base.version + 10 }).returning();
    const [eth] = await db.insert(modelVersions).values({ ...copy, symbol: "ETHUSDT", version: base.version + 11 }).returning();
    expect((await promote(admin.cookie, btc.id, { status: "production" })).status).toBe(200);
    expect(await (await promote(admin.cookie, eth.id, { status: "production" })).json()).toMatchObject({ archived: [] });
    const byId = new Map((await listVersions()).map((v) => [v.id, v.status]));
    expect([byId.get(btc.id), byId.get(eth.id)]).toEqual(["production", "production"]);
  });

  it("is refused to a trader (403) and to anyone for an unknown version (404)", async () => {
    const [version] = await listVersions();
    expect(await errorOf(await promote(trader.cookie, version.id, { status: "production" }))).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((await errorOf(await promote(admin.cookie, "00000000-0000-4000-8000-000000000000", { status: "shadow" }))).status).toBe(404);
  });
});

describe("validation and permissions", () => {
  it("answers 400 to invalid training requests and promotion bodies", async () => {
    for (const body of [{ ...BODY, horizon: 0 }, { ...BODY, lstm: { epochs: 1000 } }, { ...BODY, extra: 1 }, { ...BODY, data: { source: "bars", symbol: "btc", interval: "1m" } }, { ...BODY, split: { train: 0.8, validation: 0.18 } }]) {
      expect(await errorOf(await train(trader.cookie, body))).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
    }
    const [version] = await listVersions();
    expect(await errorOf(await promote(admin.cookie, version.id, { status: "candidate" }))).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
    expect((await errorOf(await promote(admin.cookie, "not-a-uuid", { status: "shadow" }))).status).toBe(400);
  });

  it("needs the trade permission to train (a viewer gets 403) and hides others' runs from a viewer (404)", async () => {
    expect((await errorOf(await train(viewer.cookie, BODY))).status).toBe(403);
    const response = await runRoute.GET(jsonRequest(viewer.cookie, `/api/models/train/${completed.id}`), params(completed.id));
    expect(response.status).toBe(404);
  });
});
