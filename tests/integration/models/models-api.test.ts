import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as metricsRoute from "@/app/api/models/metrics/route";
import * as modelsRoute from "@/app/api/models/route";
import * as trainRoute from "@/app/api/models/train/route";
import { trainingRuns } from "@/lib/db/schema";
import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import { insertTrainingRun } from "@/lib/ml/training/training-run-store";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import type { VersionMetrics } from "@/lib/server/models/metrics-service";
import type { ModelVersionView, TrainingRunView } from "@/lib/server/models/model-views";
import { eq } from "drizzle-orm";
import { createTestUser, type TestUser } from "../support/users";
import { backtestServices, errorOf, jsonRequest } from "../backtests/support";
import { FEATURES, MAJORITY_CONFUSION, MODEL_CONFUSION, PERSISTENCE_CONFUSION, seedSignals, seedVersion } from "./seed-versions";

const HOUR = 3_600_000;
let services: Services;
let admin: TestUser;
let trader: TestUser;
let otherTrader: TestUser;
let viewer: TestUser;
const ids: Record<string, string> = {};

const getJson = async <T>(response: Response | Promise<Response>): Promise<T> => (await response).json() as Promise<T>;

beforeAll(async () => {
  services = await backtestServices();
  registerServices(services);
  [admin, trader, otherTrader, viewer] = await Promise.all([createTestUser(services, "admin"), createTestUser(services, "trader"), createTestUser(services, "trader"), createTestUser(services, "viewer")]);
  const db = services.database.db;
  ids.rf = await seedVersion(db, { kind: "rf", version: 1, createdBy: trader.user.id });
  ids.lstm = await seedVersion(db, { kind: "lstm", version: 1, createdBy: trader.user.id });
  ids.ensemble = await seedVersion(db, { kind: "ensemble", version: 1, status: "production", createdBy: trader.user.id, members: [
    { kind: "rf", versionId: ids.rf, weight: 0.5 }, { kind: "lstm", versionId: ids.lstm, weight: 0.3 }, { kind: "ddqn", versionId: null, weight: 0.2 }] });
  ids.shadow = await seedVersion(db, { kind: "ensemble", version: 2, status: "shadow", createdBy: trader.user.id, members: [{ kind: "rf", versionId: ids.rf, weight: 1 }] });
  ids.ethRf = await seedVersion(db, { kind: "rf", version: 2, symbol: "ETHUSDT", createdBy: trader.user.id });
});
afterAll(async () => {
  clearServices();
  await services?.database.close();
});

describe("GET /api/models", () => {
  let versions: ModelVersionView[];
  let raw: string;
  beforeAll(async () => {
    raw = await (await modelsRoute.GET(jsonRequest(viewer.cookie, "/api/models"))).text();
    versions = (JSON.parse(raw) as { versions: ModelVersionView[] }).versions;
  });
  const find = (id: string) => versions.find((v) => v.id === id)!;

  it("serves the confusion matrix and calibration of the model and of every baseline on both windows", () => {
    for (const window of [find(ids.rf).metrics.test, find(ids.rf).metrics.validation]) {
      expect(window.model.confusion).toEqual(MODEL_CONFUSION);
      expect(window.model.calibration.bins.map((b) => [b.meanConfidence, b.accuracy])).toEqual([[0.45, 0.48], [0.64, 0.6]]);
      expect(window.baselines.map((b) => [b.name, b.confusion])).toEqual([["majority-class", MAJORITY_CONFUSION], ["persistence", PERSISTENCE_CONFUSION]]);
      expect(window.baselines[1].calibration).toMatchObject({ bins: [{ meanConfidence: 1, accuracy: 0.45, count: 60 }], ece: 0.55 });
    }
  });

  it("gives a forest its own importance, largest first, and an ensemble its weights and its rf member's importance", () => {
    expect(find(ids.rf).importance).toEqual({ fromVersionId: ids.rf, features: [
      { feature: "macd_hist", importance: 0.45 }, { feature: "atr_14", importance: 0.3 }, { feature: "volume_z", importance: 0.15 }, { feature: "rsi_14", importance: 0.1 }] });
    const ensemble = find(ids.ensemble);
    expect(ensemble.members).toEqual([{ member: "rf", versionId: ids.rf, weight: 0.5 }, { member: "lstm", versionId: ids.lstm, weight: 0.3 }, { member: "ddqn", versionId: null, weight: 0.2 }]);
    expect(ensemble.importance?.fromVersionId).toBe(ids.rf);
    expect(ensemble.importance?.features.map((f) => f.feature).sort()).toEqual([...FEATURES].sort());
    expect(find(ids.lstm)).toMatchObject({ importance: null, members: null });
  });

  it("never sends an artifact's weights, and tells versions of different symbols apart", () => {
    expect(raw).not.toContain("threshold");
    expect(raw).not.toContain("0.123456789");
    expect(versions.every((v) => !("artifact" in v))).toBe(true);
    expect([find(ids.rf), find(ids.ethRf)].map((v) => `${v.name} ${v.symbol} ${v.interval}`)).toEqual(["rf-v1 BTCUSDT 1m", "rf-v1 ETHUSDT 1m"]);
  });
});

describe("GET /api/models/train", () => {
  const request = trainingRequestSchema.parse({ data: { source: "bars", symbol: "BTCUSDT", interval: "1m" }, seed: 1 });
  const list = (user: TestUser, query = "") => trainRoute.GET(jsonRequest(user.cookie, `/api/models/train${query}`));
  const runIds: string[] = [];

  beforeAll(async () => {
    const db = services.database.db;
    const owners = [trader, otherTrader, trader, admin];
    for (const [i, owner] of owners.entries()) {
      const run = await insertTrainingRun(db, { request, createdBy: owner.user.id });
      await db.update(trainingRuns).set({ createdAt: new Date(Date.UTC(2025, 0, 1, i)), ...(i === 2 ? { status: "running", progress: 0.4, stage: "lstm epoch 2/8" } : {}) }).where(eq(trainingRuns.id, run.id));
      runIds.push(run.id);
    }
  });

  it("shows a trader only their own runs, newest first, with progress and stage", async () => {
    const { runs } = await getJson<{ runs: TrainingRunView[] }>(list(trader));
    expect(runs.map((r) => r.id)).toEqual([runIds[2], runIds[0]]);
    expect(runs[0]).toMatchObject({ status: "running", progress: 0.4, stage: "lstm epoch 2/8", createdByEmail: trader.user.email });
  });

  it("shows an admin everyone's runs, filtered by status and limited", async () => {
    expect((await getJson<{ runs: TrainingRunView[] }>(list(admin))).runs.map((r) => r.id)).toEqual([...runIds].reverse());
    expect((await getJson<{ runs: TrainingRunView[] }>(list(admin, "?status=running"))).runs.map((r) => r.id)).toEqual([runIds[2]]);
    expect((await getJson<{ runs: TrainingRunView[] }>(list(admin, "?status=queued&limit=2"))).runs.map((r) => r.id)).toEqual([runIds[3], runIds[1]]);
  });

  it("answers 400 to a bad status, limit or unknown parameter, and 401 without a session", async () => {
    for (const query of ["?status=done", "?limit=0", "?limit=500", "?limit=abc", "?owner=me"]) {
      expect(await errorOf(await list(admin, query))).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
    }
    expect((await trainRoute.GET(jsonRequest("", "/api/models/train"))).status).toBe(401);
  });
});

describe("GET /api/models/metrics", () => {
  const h1 = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
  const h2 = h1 + HOUR;
  const metrics = async (query = "") => (await getJson<{ versions: VersionMetrics[] }>(metricsRoute.GET(jsonRequest(viewer.cookie, `/api/models/metrics${query}`)))).versions;

  beforeAll(async () => {
    const at = (hour: number, minute: number) => hour + minute * 60_000;
    // [direction, outcome] per bar; null = not resolved yet.
    const production: Array<[number, -1 | 0 | 1, -1 | 0 | 1 | null]> = [
      [at(h1, 0), 1, 1], [at(h1, 1), 1, 0], [at(h1, 2), -1, -1], [at(h1, 3), 0, 0],
      [at(h2, 0), 1, 1], [at(h2, 1), 1, -1], [at(h2, 2), 0, 0], [at(h2, 3), 1, null],
      [h1 - 48 * HOUR, 1, 1],
    ];
    await seedSignals(services.database.db, [
      ...production.map(([ts, direction, outcome]) => ({ versionId: ids.ensemble, role: "production", ts, direction: direction as -1 | 0 | 1, outcome })),
      ...production.slice(0, 4).map(([ts, , outcome]) => ({ versionId: ids.shadow, role: "shadow", ts, direction: 0 as const, outcome })),
    ]);
  });

  it("gives each version's hourly and overall live hit rate beside the best constant call on the same resolved bars", async () => {
    const live = (await metrics("?hours=24")).find((v) => v.id === ids.ensemble)!.live;
    expect(live).toMatchObject({ calls: 8, resolved: 7, correct: 5, baseline: { name: "constant-call", call: 0 } });
    expect(live.hitRate).toBeCloseTo(5 / 7, 12);
    expect(live.baseline.hitRate).toBeCloseTo(3 / 7, 12);
    expect(live.buckets).toEqual([
      { ts: new Date(h1).toISOString(), calls: 4, resolved: 4, correct: 3, hitRate: 0.75, baselineHitRate: 0.5 },
      { ts: new Date(h2).toISOString(), calls: 4, resolved: 3, correct: 2, hitRate: 2 / 3, baselineHitRate: 1 / 3 },
    ]);
    const shadow = (await metrics("?hours=24")).find((v) => v.id === ids.shadow)!.live;
    expect(shadow).toMatchObject({ resolved: 4, correct: 2, hitRate: 0.5, baseline: { call: 0, hitRate: 0.5 } });
  });

  it("reaches back `hours` (30 days by default), leaves versions without calls empty, and refuses a bad window", async () => {
    const all = await metrics();
    expect(all.find((v) => v.id === ids.ensemble)!.live).toMatchObject({ calls: 9, resolved: 8, correct: 6 });
    expect(all.find((v) => v.id === ids.rf)!.live).toEqual({ calls: 0, resolved: 0, correct: 0, hitRate: null, baseline: { name: "constant-call", call: null, hitRate: null }, buckets: [] });
    expect(all.find((v) => v.id === ids.rf)!.test.baselines.map((b) => b.name)).toEqual(["majority-class", "persistence"]);
    for (const query of ["?hours=0", "?hours=x", "?hours=9000", "?from=1"]) {
      expect(await errorOf(await metricsRoute.GET(jsonRequest(viewer.cookie, `/api/models/metrics${query}`)))).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
    }
  });
});
