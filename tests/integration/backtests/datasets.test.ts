import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runRoute from "@/app/api/backtests/[id]/route";
import * as datasetRoute from "@/app/api/backtests/datasets/[id]/route";
import * as datasetsRoute from "@/app/api/backtests/datasets/route";
import * as runsRoute from "@/app/api/backtests/route";
import type { BacktestResultJson, DatasetSummary, RunSummary } from "@/lib/backtest/jobs/run-view";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startJobs } from "@/lib/jobs/start-jobs";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import { createTestUser, type TestUser } from "../support/users";
import { backtestingCsv, backtestServices, errorOf, generatedBars, jsonRequest, params, silentLog, uploadRequest, waitForRun } from "./support";

let services: Services;
let jobs: JobQueue;
let user: TestUser;

beforeAll(async () => {
  services = await backtestServices();
  registerServices(services);
  jobs = await startJobs(services, silentLog);
  user = await createTestUser(services, "viewer");
});
afterAll(async () => {
  clearServices();
  await jobs?.close();
  await services?.database.close();
});

const upload = (file: Blob | string, name: string, fields?: Record<string, string>) =>
  datasetsRoute.POST(uploadRequest(user.cookie, typeof file === "string" ? new Blob([file]) : file, name, fields));
const uploaded = async (response: Response): Promise<DatasetSummary> => {
  expect(response.status).toBe(201);
  return ((await response.json()) as { dataset: DatasetSummary }).dataset;
};

describe("dataset uploads", () => {
  it("stores a backtesting.py CSV with its format, symbol, row count and time span", async () => {
    const bars = generatedBars(50);
    const dataset = await uploaded(await upload(backtestingCsv(bars), "GOOG.csv"));
    expect(dataset).toMatchObject({ name: "GOOG.csv", format: "backtesting-csv", symbol: "GOOG", kind: "bars", barCount: 50, firstTime: bars[0].openTime, lastTime: bars[49].openTime });
  });

  it("reads gzipped freqtrade candles and takes the symbol and name given in the form", async () => {
    const candles = generatedBars(40).map((b) => [b.openTime, b.open, b.high, b.low, b.close, b.volume]);
    const dataset = await uploaded(await upload(new Blob([gzipSync(JSON.stringify(candles))]), "BTC_USDT-1m.json.gz", { symbol: "btcusdt", name: "my candles" }));
    expect(dataset).toMatchObject({ name: "my candles", format: "freqtrade-candles", symbol: "BTCUSDT", kind: "bars", barCount: 40 });
  });

  it("backtests a freqtrade trades recording on 1-minute bars built from its prints", async () => {
    const start = Date.UTC(2024, 0, 1);
    const trades = generatedBars(300).flatMap((b, i) => [
      [b.openTime + 1_000, `${i}a`, "limit", "buy", b.open, 0.5, b.open * 0.5],
      [b.openTime + 50_000, `${i}b`, "limit", "sell", b.close, 0.5, b.close * 0.5],
    ]);
    const dataset = await uploaded(await upload(JSON.stringify(trades), "XRP_ETH-trades.json"));
    expect(dataset).toMatchObject({ format: "freqtrade-trades", kind: "trades", symbol: "XRP_ETH", barCount: 600, firstTime: start + 1_000 });
    const created = await runsRoute.POST(jsonRequest(user.cookie, "/api/backtests", "POST", { kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 10, slow: 30 } }));
    const { run } = (await created.json()) as { run: RunSummary };
    const done = await waitForRun(runRoute, user.cookie, run.id, (r) => r.status !== "queued" && r.status !== "running", "the trades backtest");
    expect(done.status).toBe("completed");
    const result = done.result as BacktestResultJson;
    expect(result.barCount).toBe(300);
    const [first, last] = [trades[2][4] as number, trades[3][4] as number];
    expect(result.candles[1]).toEqual({ time: start + 60_000, open: first, high: Math.max(first, last), low: Math.min(first, last), close: last });
    expect(result.trades.length).toBeGreaterThan(0);
  });

  it("backtests a trades recording intrabar: every order fills at a recorded print after its bar closed", async () => {
    const trades = generatedBars(200).flatMap((b, i) => [
      [b.openTime + 1_000, `${i}a`, "limit", "buy", b.open, 0.5, b.open * 0.5],
      [b.openTime + 50_000, `${i}b`, "limit", "sell", b.close, 0.5, b.close * 0.5],
    ]);
    const dataset = await uploaded(await upload(JSON.stringify(trades), "ABC_ETH-trades.json"));
    const created = await runsRoute.POST(jsonRequest(user.cookie, "/api/backtests", "POST", {
      kind: "backtest", data: { source: "dataset", datasetId: dataset.id }, strategy: { name: "sma-cross", fast: 5, slow: 20 }, fill: "intrabar", barInterval: "1m",
    }));
    const { run } = (await created.json()) as { run: RunSummary };
    const done = await waitForRun(runRoute, user.cookie, run.id, (r) => r.status !== "queued" && r.status !== "running", "the intrabar backtest");
    expect(done.status).toBe("completed");
    const result = done.result as BacktestResultJson;
    expect(result.trades.length).toBeGreaterThan(0);
    const printPrices = new Set(trades.map((t) => String(t[4])));
    const printTimes = new Set(trades.map((t) => t[0] as number));
    for (const t of result.trades) {
      expect(printTimes.has(t.entryTime)).toBe(true);
      expect(printPrices.has(String(Number(t.entryPrice)))).toBe(true);
    }
  });

  it("refuses a bad row with 400 naming the row", async () => {
    const csv = backtestingCsv(generatedBars(10)).split("\n");
    csv[5] = csv[5].replace(/,[\d.]+,/, ",abc,");
    expect(await errorOf(await upload(csv.join("\n"), "bad.csv"))).toMatchObject({ status: 400, code: "INVALID_DATASET", message: "bad.csv: row 6: Open is not a number: \"abc\"" });
    expect((await errorOf(await upload("hello", "notes.txt"))).message).toMatch(/unrecognised format/);
    expect((await errorOf(await upload("", "empty.csv"))).message).toMatch(/empty/);
    expect((await errorOf(await upload("[1,2]", "x.json.gz"))).message).toMatch(/not gzip/);
  });

  it("refuses a file over 50 MB with 413, and a body that is not multipart with 400", async () => {
    expect(await errorOf(await upload(new Blob([new Uint8Array(50 * 1024 * 1024 + 1)]), "huge.csv"))).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    const declared = new Request("http://localhost:3000/api/backtests/datasets", { method: "POST", headers: { cookie: user.cookie, "content-type": "multipart/form-data; boundary=x", "content-length": String(60 * 1024 * 1024) }, body: "x" });
    expect((await datasetsRoute.POST(declared)).status).toBe(413);
    expect((await errorOf(await datasetsRoute.POST(jsonRequest(user.cookie, "/api/backtests/datasets", "POST", { file: "x" })))).message).toMatch(/multipart\/form-data/);
    const form = new FormData();
    form.set("other", "x");
    expect((await errorOf(await datasetsRoute.POST(new Request("http://localhost:3000/api/backtests/datasets", { method: "POST", headers: { cookie: user.cookie }, body: form })))).message).toMatch(/file/);
  });

  it("lists only the caller's datasets, newest first", async () => {
    const { datasets } = (await (await datasetsRoute.GET(jsonRequest(user.cookie, "/api/backtests/datasets"))).json()) as { datasets: DatasetSummary[] };
    expect(datasets.map((d) => d.symbol)).toEqual(["ABC_ETH", "XRP_ETH", "BTCUSDT", "GOOG"]);
    const other = await createTestUser(services, "viewer");
    expect(await (await datasetsRoute.GET(jsonRequest(other.cookie, "/api/backtests/datasets"))).json()).toEqual({ datasets: [] });
  });

  it("deletes the caller's own dataset only, with an audit entry", async () => {
    const dataset = await uploaded(await upload(new Blob([backtestingCsv(generatedBars(50))]), "GONE.csv"));
    const other = await createTestUser(services, "viewer");
    const remove = (cookie: string, id: string) => datasetRoute.DELETE(jsonRequest(cookie, "/x", "DELETE"), params(id));
    expect((await remove(other.cookie, dataset.id)).status).toBe(404);
    expect((await remove(user.cookie, "nope")).status).toBe(400);
    expect((await remove(user.cookie, dataset.id)).status).toBe(204);
    expect((await remove(user.cookie, dataset.id)).status).toBe(404);
    const { datasets } = (await (await datasetsRoute.GET(jsonRequest(user.cookie, "/api/backtests/datasets"))).json()) as { datasets: DatasetSummary[] };
    expect(datasets.map((d) => d.id)).not.toContain(dataset.id);
    const actions = await services.database.query<{ action: string }>("select action from audit_log where target = $1 order by id", [dataset.id]);
    expect(actions.map((a) => a.action)).toEqual(["backtest.dataset.upload", "backtest.dataset.delete"]);
  });
});
