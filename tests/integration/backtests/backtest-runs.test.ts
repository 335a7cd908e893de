import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/backtests/[id]/cancel/route";
import * as runRoute from "@/app/api/backtests/[id]/route";
import * as datasetsRoute from "@/app/api/backtests/datasets/route";
import * as runsRoute from "@/app/api/backtests/route";
import type { BacktestResultJson, DatasetSummary, OptimizeResultJson } from "@/lib/backtest/jobs/run-view";
import { backtestJob } from "@/lib/backtest/jobs/backtest-job";
import { insertDataset } from "@/lib/backtest/jobs/dataset-store";
import { backtestRuns } from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startJobs } from "@/lib/jobs/start-jobs";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import { eq } from "drizzle-orm";
import { createTestUser, type TestUser } from "../support/users";
import {
  backtestingCsv, backtestServices, errorOf, generatedBars, jsonRequest, params, type RunDetail, type RunSummary, silentLog, uploadRequest, waitForRun,
} from "./support";

let services: Services;
let jobs: JobQueue;
let alice: TestUser;
let bob: TestUser;
let dataset: DatasetSummary;

beforeAll(async () => {
  services = await backtestServices();
  registerServices(services);
  jobs = await startJobs(services, silentLog, { chunkBars: 100 });
  alice = await createTestUser(services, "viewer");
  bob = await createTestUser(services, "trader");
  const upload = await datasetsRoute.POST(uploadRequest(alice.cookie, new Blob([backtestingCsv(generatedBars(600))]), "SINE.csv"));
  expect(upload.status).toBe(201);
  dataset = ((await upload.json()) as { dataset: DatasetSummary }).dataset;
});
afterAll(async () => {
  clearServices();
  await jobs?.close();
  await services?.database.close();
});

const create = async (cookie: string, body: unknown) => runsRoute.POST(jsonRequest(cookie, "/api/backtests", "POST", body));
const createRun = async (cookie: string, body: unknown): Promise<RunSummary> => {
  const response = await create(cookie, body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { run: RunSummary }).run;
};
const finished = (run: RunDetail) => ["completed", "failed", "cancelled"].includes(run.status);

describe("backtest runs as jobs", () => {
  it("runs a backtest on an uploaded dataset to completion and stores trades, statistics and charts", async () => {
    const queued = await createRun(alice.cookie, { kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 }, costs: { commission: "0.001" } });
    expect(queued).toMatchObject({ status: "queued", kind: "backtest", name: "SMA 10/30 on SINE", progress: 0, createdBy: alice.user.id });
    const run = await waitForRun(runRoute, alice.cookie, queued.id, finished, "the backtest to finish");
    expect(run.status).toBe("completed");
    expect(run.progress).toBe(1);
    expect(run.error).toBeNull();
    const result = run.result as BacktestResultJson;
    expect(result.symbol).toBe("SINE");
    expect(result.barCount).toBe(600);
    expect(result.trades.length).toBeGreaterThan(3);
    expect(Number(result.trades[0].commission)).toBeGreaterThan(0);
    expect(result.stats.trades).toBe(result.trades.length);
    expect(result.equity).toHaveLength(600);
    expect(result.equity[599].equity).toBeCloseTo(result.stats.equityFinal!, 6);
    expect(result.candles).toHaveLength(600);
    expect(run.headline).toEqual({ returnPct: result.stats.returnPct, sharpeRatio: result.stats.sharpeRatio, maxDrawdownPct: result.stats.maxDrawdownPct, trades: result.trades.length });
    expect(run.startedAt).not.toBeNull();
    expect(run.finishedAt).not.toBeNull();
  });

  it("optimises on walk-forward windows and stores the chosen parameters, out-of-sample stats and the gap", async () => {
    const queued = await createRun(alice.cookie, {
      kind: "optimize", data: { source: "dataset", datasetId: dataset.id }, grid: { fast: [5, 10, 40], slow: [20, 30] }, metric: "return", windows: { train: 200, test: 100 },
    });
    const run = await waitForRun(runRoute, alice.cookie, queued.id, finished, "the optimisation to finish");
    expect(run.status).toBe("completed");
    const result = run.result as OptimizeResultJson;
    expect(result.windows).toHaveLength(4);
    for (const w of result.windows) {
      expect(w.chosen.fast).toBeLessThan(w.chosen.slow);
      expect(w.trainTo).toBeLessThan(w.testFrom);
    }
    expect(result.combined.equity).toHaveLength(400);
    expect(result.gap.meanInSample).not.toBeNull();
    expect(run.headline?.returnPct).toBe(result.combined.stats.returnPct);
  });

  it("applies stop-loss and take-profit exits, risk sizing and the pre-trade limits the request names", async () => {
    const base = { kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 } };
    const plain = await waitForRun(runRoute, alice.cookie, (await createRun(alice.cookie, base)).id, finished, "the plain run");
    const guarded = await waitForRun(runRoute, alice.cookie, (await createRun(alice.cookie, {
      ...base, exits: { stopLossPct: 0.01, takeProfitPct: 0.02 }, sizing: { kind: "risk", fraction: 0.002 }, risk: { maxOrderNotional: "1000000" },
    })).id, finished, "the run with exits");
    expect(guarded.status).toBe("completed");
    const plainTrades = (plain.result as BacktestResultJson).trades;
    const trades = (guarded.result as BacktestResultJson).trades;
    const move = (t: BacktestResultJson["trades"][number]) => (Number(t.exitPrice) / Number(t.entryPrice) - 1) * Math.sign(Number(t.size));
    // Without exits some trades ride past -1 % or +2 % to the next cross; with them none does.
    expect(plainTrades.some((t) => move(t) < -0.011 || move(t) > 0.021)).toBe(true);
    expect(trades.length).toBeGreaterThan(0);
    for (const t of trades) {
      expect(move(t)).toBeGreaterThanOrEqual(-0.011);
      expect(move(t)).toBeLessThanOrEqual(0.021);
    }
    // Risk sizing: losing 0.2 % of equity at a 1 % stop is a position of about 20 % of equity, a fifth of all-in.
    const first = trades[0];
    expect(Math.abs(Number(first.size)) * Number(first.entryPrice)).toBeGreaterThan(1_500);
    expect(Math.abs(Number(first.size)) * Number(first.entryPrice)).toBeLessThanOrEqual(2_000);
  });

  it("fills intrabar on a trades recording, and fails an intrabar run on bars with a message", async () => {
    const onBars = await waitForRun(runRoute, alice.cookie, (await createRun(alice.cookie, {
      kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 }, fill: "intrabar",
    })).id, finished, "the intrabar run on bars");
    expect(onBars).toMatchObject({ status: "failed", error: expect.stringMatching(/intrabar fills need a trades recording/) });
  });

  it("runs on the engine's stored bars restricted to the period", async () => {
    const bars = generatedBars(300);
    const values = bars.map((b, i) => `('ETHUSDT', '1m', '${new Date(b.openTime).toISOString()}', ${b.open}, ${b.high}, ${b.low}, ${b.close}, ${b.volume}, ${i})`);
    await services.database.query(`insert into bars (symbol, interval, open_time, open, high, low, close, volume, trades) values ${values.join(",")}`);
    const from = new Date(bars[100].openTime).toISOString();
    const queued = await createRun(alice.cookie, { kind: "backtest", data: { source: "bars", symbol: "ETHUSDT", interval: "1m" }, period: { from }, strategy: { name: "sma-cross", fast: 5, slow: 20 } });
    const run = await waitForRun(runRoute, alice.cookie, queued.id, finished, "the stored-bars backtest");
    expect(run.status).toBe("completed");
    expect((run.result as BacktestResultJson).barCount).toBe(200);
    expect((run.result as BacktestResultJson).candles[0].time).toBe(bars[100].openTime);
  });

  it("fails a run with a message when the period holds no bars", async () => {
    const queued = await createRun(alice.cookie, { kind: "backtest", data: { source: "bars", symbol: "XRPUSDT", interval: "1h" }, strategy: { name: "sma-cross", fast: 5, slow: 20 } });
    const run = await waitForRun(runRoute, alice.cookie, queued.id, finished, "the empty run");
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/XRPUSDT.*0 bars/);
  });

  it("cancels a long run mid-way: it ends cancelled without a result", async () => {
    const long = await insertDataset(services.database.db, {
      name: "long", symbol: "LONG", format: "backtesting-csv", recording: { kind: "bars", bars: generatedBars(300_000), intervalMs: 60_000 }, createdBy: alice.user.id,
    });
    const queued = await createRun(alice.cookie, { kind: "backtest", data: { source: "dataset", datasetId: long.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 } });
    await waitForRun(runRoute, alice.cookie, queued.id, (r) => r.status === "running" && r.progress > 0, "the long run to report progress");
    const cancel = await cancelRoute.POST(jsonRequest(alice.cookie, `/api/backtests/${queued.id}/cancel`, "POST"), params(queued.id));
    expect(cancel.status).toBe(200);
    expect(await errorOf(await runRoute.DELETE(jsonRequest(alice.cookie, `/api/backtests/${queued.id}`, "DELETE"), params(queued.id)))).toMatchObject({ status: 409, code: "RUN_NOT_FINISHED" });
    const run = await waitForRun(runRoute, alice.cookie, queued.id, finished, "the cancelled run to stop");
    expect(run.status).toBe("cancelled");
    expect(run.progress).toBeLessThan(1);
    expect(run.result).toBeNull();
  });

  it("cancels a queued run before it starts", async () => {
    await jobs.close();
    const queued = await createRun(alice.cookie, { kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 } });
    const { run } = (await (await cancelRoute.POST(jsonRequest(alice.cookie, "/x", "POST"), params(queued.id))).json()) as { run: RunSummary };
    expect(run.status).toBe("cancelled");
    jobs = await startJobs(services, silentLog, { chunkBars: 100 });
    const after = await waitForRun(runRoute, alice.cookie, queued.id, () => true, "the run");
    expect(after.status).toBe("cancelled");
  });

  it("picks up runs left queued or running by a stopped process when jobs start again", async () => {
    await jobs.close();
    const queued = await createRun(alice.cookie, { kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 } });
    const interrupted = await createRun(alice.cookie, { kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 5, slow: 20 } });
    await services.database.db.update(backtestRuns).set({ status: "running", progress: 0.4, startedAt: new Date() }).where(eq(backtestRuns.id, interrupted.id));
    jobs = await startJobs(services, silentLog, { chunkBars: 100 });
    for (const id of [queued.id, interrupted.id]) {
      const run = await waitForRun(runRoute, alice.cookie, id, finished, `run ${id} after the restart`);
      expect(run.status).toBe("completed");
      expect((run.result as BacktestResultJson).trades.length).toBeGreaterThan(0);
    }
  });

  it("stops a running backtest at shutdown without finishing it, and completes it after the restart", async () => {
    const medium = await insertDataset(services.database.db, {
      name: "medium", symbol: "MEDIUM", format: "backtesting-csv", recording: { kind: "bars", bars: generatedBars(60_000), intervalMs: 60_000 }, createdBy: alice.user.id,
    });
    const queued = await createRun(alice.cookie, { kind: "backtest", data: { source: "dataset", datasetId: medium.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 } });
    await waitForRun(runRoute, alice.cookie, queued.id, (r) => r.status === "running" && r.progress > 0, "the run to start");
    await jobs.close();
    const stopped = await waitForRun(runRoute, alice.cookie, queued.id, () => true, "the stopped run");
    expect(stopped).toMatchObject({ status: "running", result: null });
    expect(stopped.progress).toBeLessThan(1);
    jobs = await startJobs(services, silentLog, { chunkBars: 100 });
    const run = await waitForRun(runRoute, alice.cookie, queued.id, finished, "the resumed run", 60_000);
    expect(run.status).toBe("completed");
    const result = run.result as BacktestResultJson;
    expect(result.barCount).toBe(60_000);
    // Charts are thinned to 2,000 points, the first and last kept; the last point is the final equity.
    expect(result.equity).toHaveLength(2_000);
    expect(result.equity[1_999].equity).toBeCloseTo(result.stats.equityFinal!, 6);
    expect(result.candles).toHaveLength(2_000);
    expect(result.candles[0].time).toBe(Date.UTC(2024, 0, 1));
    expect(Math.min(...result.equity.map((p) => p.drawdownPct))).toBeCloseTo(result.stats.maxDrawdownPct!, 0);
  });

  it("leaves a finished run untouched when its job runs again", async () => {
    const [done] = await services.database.db.select().from(backtestRuns).where(eq(backtestRuns.status, "completed")).limit(1);
    const job = backtestJob(services.database);
    expect(await job.run({ runId: done.id }, { progress: async () => undefined })).toEqual({ runId: done.id, status: "skipped" });
    const [again] = await services.database.db.select().from(backtestRuns).where(eq(backtestRuns.id, done.id));
    expect(again).toEqual(done);
  });
});

describe("backtest API", () => {
  it("lists the caller's own runs, newest first, and hides other users' runs", async () => {
    const { runs } = (await (await runsRoute.GET(jsonRequest(alice.cookie, "/api/backtests"))).json()) as { runs: RunSummary[] };
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.map((r) => r.createdAt)).toEqual([...runs.map((r) => r.createdAt)].sort().reverse());
    const theirs = runs[0].id;
    expect((await (await runsRoute.GET(jsonRequest(bob.cookie, "/api/backtests"))).json()) as { runs: RunSummary[] }).toEqual({ runs: [] });
    expect(await errorOf(await runRoute.GET(jsonRequest(bob.cookie, `/api/backtests/${theirs}`), params(theirs)))).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect((await cancelRoute.POST(jsonRequest(bob.cookie, "/x", "POST"), params(theirs))).status).toBe(404);
    expect((await runRoute.DELETE(jsonRequest(bob.cookie, "/x", "DELETE"), params(theirs))).status).toBe(404);
    expect(await errorOf(await create(bob.cookie, { kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 } })))
      .toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("answers 400 naming the field on bad input, 401 without a session", async () => {
    const bad = async (body: unknown) => errorOf(await create(alice.cookie, body));
    expect(await bad({ kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 30, slow: 10 } }))
      .toMatchObject({ status: 400, code: "VALIDATION_ERROR", message: expect.stringMatching(/strategy\.fast: fast must be shorter than slow/) });
    expect((await bad({ kind: "backtest", data: { source: "dataset", datasetId: "nope" }, strategy: { name: "sma-cross", fast: 5, slow: 10 } })).message).toMatch(/data\.datasetId/);
    expect((await bad({ kind: "optimize", data: { source: "dataset", datasetId: dataset.id }, grid: { fast: [50], slow: [20] }, windows: { train: 100, test: 50 } })).message).toMatch(/grid.*fast shorter than slow/);
    expect((await bad({ kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 5, slow: 10 }, costs: { commission: "1.5" } })).message).toMatch(/costs\.commission/);
    expect((await bad({ kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 5, slow: 10 }, sizing: { kind: "risk", fraction: 0.01 } })).message).toMatch(/sizing: risk sizing needs a stop-loss/);
    expect((await bad({ kind: "optimize", data: { source: "dataset", datasetId: dataset.id }, grid: { fast: [5], slow: [20] }, windows: { train: 100, test: 50 }, fill: "intrabar" })).message).toMatch(/fill: optimisation runs on bars/);
    expect(await bad({ kind: "backtest", data: { source: "dataset", datasetId: "00000000-0000-4000-8000-000000000000" }, strategy: { name: "sma-cross", fast: 5, slow: 10 } }))
      .toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await errorOf(await runRoute.GET(jsonRequest(alice.cookie, "/x"), params("not-a-uuid")))).toMatchObject({ status: 400, message: "run id must be a UUID" });
    expect((await runsRoute.GET(new Request("http://localhost:3000/api/backtests"))).status).toBe(401);
  });

  it("deletes a finished run", async () => {
    const { runs } = (await (await runsRoute.GET(jsonRequest(alice.cookie, "/api/backtests"))).json()) as { runs: RunSummary[] };
    const done = runs.find((r) => r.status === "completed")!;
    expect((await runRoute.DELETE(jsonRequest(alice.cookie, "/x", "DELETE"), params(done.id))).status).toBe(204);
    expect((await runRoute.GET(jsonRequest(alice.cookie, "/x"), params(done.id))).status).toBe(404);
    const actions = await services.database.query<{ action: string }>("select action from audit_log where target = $1 order by id", [done.id]);
    expect(actions.map((a) => a.action)).toEqual(["backtest.create", "backtest.delete"]);
  });
});
