import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Decimal from "decimal.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "@/lib/auth/user-store";
import { createPglite } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { modelVersions } from "@/lib/db/schema";
import { computeFeatures } from "@/lib/features/feature-pipeline";
import { loadEnsemblePredictor } from "@/lib/ml/inference/load-ensemble";
import { resolveSignalOutcomes } from "@/lib/ml/live/resolve-signal-outcomes";
import { insertModelVersions } from "@/lib/ml/registry/model-version-store";
import { trainModels } from "@/lib/ml/training/trainer";
import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import { announceModelsChanged } from "@/lib/ml/live/models-changed";
import { confidenceScale } from "@/lib/strategy/confidence-sizing";
import { generatedBars } from "../backtests/support";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";

const SYMBOL = "SINEUSDT";
const MINUTE = 60_000;
const START = Date.UTC(2024, 0, 1);
const BAR_COUNT = 160;
const NOTIONAL = "1000";

/** Four prints per minute tracing each generated bar (open, high, low, close), as a freqtrade trades file. */
function tradesFile(): string {
  const rows = generatedBars(BAR_COUNT, START).flatMap((bar) => [[0, bar.open], [15_000, bar.high], [30_000, bar.low], [59_000, bar.close]]
    .map(([offset, price], k) => [bar.openTime + offset, `${bar.openTime}-${k}`, null, k % 2 === 0 ? "buy" : "sell", price, 0.5, price * 0.5]));
  const file = path.join(mkdtempSync(path.join(tmpdir(), "live-ensemble-")), "trades.json");
  writeFileSync(file, JSON.stringify(rows));
  return file;
}

interface SignalRow extends Record<string, unknown> {
  version_id: string;
  role: string;
  ts: Date;
  direction: number;
  confidence: number;
  votes: Array<{ member: string; direction: number; confidence: number }>;
  target: string | null;
}

let h: Harness;
let productionId = "";
let shadowId = "";

beforeAll(async () => {
  const database = await createPglite();
  await migrateDatabase(database);
  const user = await insertUser(database.db, { email: "trainer@example.test", role: "trader", accountId: "demo", passwordHash: "x" });
  const request = trainingRequestSchema.parse({
    data: { source: "bars", symbol: SYMBOL, interval: "1m" }, horizon: 3, deadZone: 0.0005, seed: 7,
    forest: { trees: 5, maxDepth: 4 }, lstm: { windowLength: 5, units: 4, epochs: 2 }, dqn: { hiddenUnits: 8, episodes: 2 },
  });
  const output = await trainModels(generatedBars(420, START - 500 * MINUTE), request, { signal: new AbortController().signal, progress: async () => {} });
  const store = () => database.db.transaction((tx) => insertModelVersions(tx, { output, symbol: SYMBOL, interval: "1m", trainingRunId: null, createdBy: user!.id }));
  const ensembleOf = (rows: Awaited<ReturnType<typeof store>>) => rows.find((r) => r.kind === "ensemble")!.id;
  [productionId, shadowId] = [ensembleOf(await store()), ensembleOf(await store())];
  await database.db.update(modelVersions).set({ status: "production" }).where(eq(modelVersions.id, productionId));
  await database.db.update(modelVersions).set({ status: "shadow" }).where(eq(modelVersions.id, shadowId));
  h = await startHarness({
    MARKET_FEEDS: "replay", REPLAY_FILE: tradesFile(), REPLAY_SYMBOL: SYMBOL, REPLAY_SPEED: "0", STRATEGY_ENABLED: "true", STRATEGY_KIND: "ensemble",
    STRATEGY_INTERVAL: "1m", STRATEGY_NOTIONAL: NOTIONAL, ENSEMBLE_MIN_CONFIDENCE: "0.34", MAX_POSITION_SIZE: "0.5",
  }, database);
}, 120_000);
afterAll(async () => h?.close());

const signals = () => h.services.database.query<SignalRow>("select version_id, role, ts, direction, confidence, votes, target::text as target from model_signals order by ts, role");

describe("the production ensemble trading live, with a shadow beside it", () => {
  it("stores every call of both versions with each member's vote; only production carries a target", async () => {
    const rows = await waitFor(async () => {
      const all = await signals();
      return all.filter((r) => r.version_id === shadowId).length >= 60 ? all : null;
    }, "live signals of both versions", 60_000);
    const production = rows.filter((r) => r.version_id === productionId);
    const shadow = rows.filter((r) => r.version_id === shadowId);
    expect(production.length).toBe(shadow.length);
    expect(production.every((r) => r.role === "production" && r.target !== null)).toBe(true);
    expect(shadow.every((r) => r.role === "shadow" && r.target === null)).toBe(true);
    for (const row of rows) expect(row.votes.map((v) => v.member)).toEqual(["rf", "lstm", "ddqn"]);
    // The pipeline needs 28 bars and the LSTM 5 vectors: the first call is on the 32nd bar.
    expect(production[0].ts.getTime()).toBe(START + 31 * MINUTE);
  });

  it("sizes each production target from the call's confidence, signed by its direction", async () => {
    const production = (await signals()).filter((r) => r.role === "production");
    expect(production.some((r) => Number(r.target) > 0) || production.some((r) => Number(r.target) < 0)).toBe(true);
    for (const row of production) {
      const close = generatedBars(BAR_COUNT, START).find((b) => b.openTime === row.ts.getTime())!.close;
      const full = new Decimal(NOTIONAL).div(close).mul(confidenceScale(row.confidence, 0.34));
      const expected = full.div("0.0001").floor().mul("0.0001").mul(row.direction);
      expect(new Decimal(row.target!).eq(expected), `bar ${row.ts.toISOString()}`).toBe(true);
    }
  });

  it("trades the production calls through the risk gate as strategy orders, one client order id per bar", async () => {
    const orders = await waitFor(async () => {
      const rows = await h.services.database.query<{ client_order_id: string; source: string; status: string }>("select client_order_id, source, status from orders order by created_at");
      return rows.length > 0 ? rows : null;
    }, "an ensemble order", 30_000);
    expect(orders.every((o) => o.source === "strategy" && o.client_order_id.startsWith(`s-${SYMBOL}-`))).toBe(true);
    expect(new Set(orders.map((o) => o.client_order_id)).size).toBe(orders.length);
    const decisions = await h.services.database.query<{ source: string; confidence: string; detail: { votes: unknown[]; versionId: string } }>("select source, confidence::text, detail from signals where source like 'ensemble:%'");
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => d.detail.versionId === productionId && d.detail.votes.length === 3 && Number(d.confidence) > 0)).toBe(true);
  });

  it("matches the stored version reloaded offline: same bars in, same calls out", async () => {
    const predictor = await loadEnsemblePredictor(h.services.database.db, productionId);
    const byTime = new Map((await signals()).filter((r) => r.role === "production").map((r) => [r.ts.getTime(), r]));
    let compared = 0;
    for (const bar of generatedBars(BAR_COUNT, START)) {
      const call = predictor.update(bar);
      const live = byTime.get(bar.openTime);
      if (!call || !live) continue;
      expect([call.direction, call.confidence]).toEqual([live.direction, live.confidence]);
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(60);
  });

  it("resolves outcomes once the horizon has passed, and a second run resolves nothing", async () => {
    await waitFor(async () => (await h.services.database.query<{ n: number }>("select count(*)::int as n from bars where symbol = $1 and interval = '1m'", [SYMBOL]))[0].n >= 100, "stored bars", 20_000);
    const { resolved } = await resolveSignalOutcomes(h.services.database);
    expect(resolved).toBeGreaterThan(0);
    expect((await resolveSignalOutcomes(h.services.database)).resolved).toBe(0);
    const closes = new Map(generatedBars(BAR_COUNT, START).map((b, i) => [b.openTime, i]));
    const all = generatedBars(BAR_COUNT, START);
    const rows = await h.services.database.query<{ ts: Date; direction: number; outcome: number; correct: boolean }>("select ts, direction, outcome, correct from model_signals where outcome is not null");
    for (const row of rows) {
      const i = closes.get(row.ts.getTime())!;
      const r = all[i + 3].close / all[i].close - 1;
      expect(row.outcome).toBe(r > 0.0005 ? 1 : r < -0.0005 ? -1 : 0);
      expect(row.correct).toBe(row.outcome === row.direction);
    }
  });

  it("keeps the feature store fresh to the last closed bar, with the values a batch run over the same bars gives", async () => {
    const batch = computeFeatures(generatedBars(BAR_COUNT, START));
    const stored = await waitFor(async () => {
      const rows = await h.services.database.query<{ ts: Date; values: Record<string, number> }>("select ts, values from features where symbol = $1 and interval = '1m' order by ts", [SYMBOL]);
      return rows.length >= 100 ? rows : null;
    }, "live feature vectors", 20_000);
    const byTime = new Map(batch.map((v) => [v.ts, v.values]));
    for (const row of stored) expect(row.values).toEqual(byTime.get(row.ts.getTime()));
    expect(stored[0].ts.getTime()).toBe(batch[0].ts);
  });

  it("follows the registry: an archived production version stops running at once when the change is announced", async () => {
    await h.services.database.db.update(modelVersions).set({ status: "archived" }).where(eq(modelVersions.id, productionId));
    await announceModelsChanged(h.services.bus, productionId);
    const status = await waitFor(async () => {
      const [row] = await h.services.database.query<{ info: { models: { running: Array<{ id: string; role: string }> } } }>("select info from heartbeats where service = 'engine'");
      const running = row?.info.models.running ?? [];
      return running.some((r) => r.id === productionId) ? null : running;
    }, "the heartbeat without the archived version", 10_000);
    expect(status).toEqual([expect.objectContaining({ id: shadowId, role: "shadow" })]);
  });
});
