import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LOG_BATCH_LIMITS } from "@/lib/ml/mlflow/mlflow-batches";
import { MlflowClient } from "@/lib/ml/mlflow/mlflow-client";
import { MlflowError } from "@/lib/ml/mlflow/mlflow-error";
import { logTrainingRun, logTrainingRunOrWarn } from "@/lib/ml/mlflow/log-training-run";
import { MlflowTestServer } from "./mlflow-test-server";
import { finishedRun } from "./training-output-fixture";

const server = new MlflowTestServer();
const RUN_A = "11111111-1111-4111-8111-111111111111";
const RUN_B = "22222222-2222-4222-8222-222222222222";

beforeAll(() => server.start());
afterAll(() => server.stop());
afterEach(() => server.failing.clear());

const options = (experimentName: string) => ({ trackingUri: server.url, experimentName, timeoutMs: 5_000 });
const batches = () => server.requests.flatMap((r) => (r.endpoint === "runs/log-batch" ? [r.body] : []));

describe("MLflow logging of training runs", () => {
  it("creates the experiment once, then logs each training run as a finished run with params, metrics and tags", async () => {
    const first = await logTrainingRun(options("tf-logging"), finishedRun(RUN_A), () => 1_700_000_000_000);
    const second = await logTrainingRun(options("tf-logging"), finishedRun(RUN_B));
    expect(server.count("experiments/create")).toBe(1);
    expect(server.requests.filter((r) => r.endpoint === "experiments/get-by-name")).toHaveLength(2);
    expect(first).not.toBe(second);
    const run = server.runs.get(first)!;
    expect(run).toMatchObject({ experimentId: server.experiments.get("tf-logging"), status: "FINISHED", name: "BTCUSDT 5m 11111111" });
    expect(run.endTime).toBe(1_700_000_000_000);
    expect(Object.fromEntries(run.params)).toMatchObject({
      "data.source": "bars", "data.symbol": "BTCUSDT", "data.interval": "5m", "period.from": "2024-01-01T00:00:00Z", horizon: "3", deadZone: "0.0005",
      seed: "7", embargo: "2", "split.train": "0.6", "forest.trees": "15", "lstm.epochs": "4", "dqn.episodes": "3", "samples.train": "240",
      "samples.test": "80", "data.from": "2024-01-01T00:00:00.000Z", "data.to": "2024-01-02T00:00:00.000Z", symbol: "BTCUSDT", interval: "5m",
    });
    const metrics = Object.fromEntries(run.metrics.map((m) => [m.key, m.value]));
    expect(metrics["test.rf.accuracy"]).toBeCloseTo(0.41, 10);
    expect(metrics["validation.ensemble.accuracy"]).toBeCloseTo(0.403, 10);
    expect(metrics["test.baseline.majority-class.accuracy"]).toBeCloseTo(0.46, 10);
    expect(metrics["validation.baseline.ma-cross.samples"]).toBe(153);
    expect(metrics["test.ddqn.ece"]).toBe(0.05);
    expect(metrics).toMatchObject({ duration_ms: 4321, "lstm.duration_ms": 200 });
    // NaN cannot be sent as a JSON number, so the Sharpe ratio is left out rather than logged wrong.
    expect(metrics["test.rf.sharpeRatio"]).toBeUndefined();
    // 4 models × 2 parts × 12 finite metrics, 4 baselines × 2 parts × 12, then 5 durations.
    expect(run.metrics).toHaveLength(96 + 96 + 5);
    expect(Object.fromEntries(run.tags)).toMatchObject({
      "mlflow.source.name": "tradeforge", "tradeforge.training_run_id": RUN_A, "tradeforge.feature_set_version": "fs-v3",
      "tradeforge.version.rf": "00000000-0000-4000-8000-000000000000 (BTCUSDT-5m-rf v2)",
    });
    expect(server.runs.get(second)?.status).toBe("FINISHED");
  });

  it("splits a large batch into requests within MLflow's limits and truncates long param values", async () => {
    const experiment = await new MlflowClient(server.url).createExperiment("tf-limits");
    const client = new MlflowClient(server.url);
    const runId = await client.createRun({ experimentId: experiment, runName: "limits", startTime: 1, tags: [] });
    const before = batches().length;
    const metrics = Array.from({ length: 2_500 }, (_, i) => ({ key: `m${i}`, value: i, timestamp: 5, step: 0 }));
    const params = Array.from({ length: 150 }, (_, i) => ({ key: `p${i}`, value: i === 0 ? "é".repeat(5_000) : String(i) }));
    const tags = Array.from({ length: 120 }, (_, i) => ({ key: `t${i}`, value: "x" }));
    expect(await client.logBatch(runId, { metrics, params, tags })).toBe(3);
    const sent = batches().slice(before);
    expect(sent).toHaveLength(3);
    for (const b of sent) {
      expect(b.metrics!.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.metrics);
      expect(b.metrics!.length + b.params!.length + b.tags!.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.total);
    }
    const run = server.runs.get(runId)!;
    expect(run.metrics.map((m) => m.key)).toEqual(metrics.map((m) => m.key));
    expect([run.params.size, run.tags.size]).toEqual([150, 120]);
    expect(Buffer.byteLength(run.params.get("p0")!)).toBe(500);
    expect(run.params.get("p0")).toBe("é".repeat(250));
  });

  it("surfaces MLflow's error code, and the test server rejects requests that do not fit the documented API", async () => {
    const client = new MlflowClient(server.url);
    await expect(client.updateRun("no-such-run", "FINISHED", 1)).rejects.toMatchObject({ status: 404, errorCode: "RESOURCE_DOES_NOT_EXIST" });
    const post = (endpoint: string, body: unknown) => fetch(`${server.url}/api/2.0/mlflow/${endpoint}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await post("runs/update", { run_id: "x", status: "DONE" })).status).toBe(400);
    expect((await post("runs/create", { experimentId: "1" })).status).toBe(400);
    expect(await (await post("runs/log-batch", { run_id: "x", metrics: [{ key: "a", value: "1", timestamp: 1 }] })).json()).toMatchObject({ error_code: "INVALID_PARAMETER_VALUE" });
  });

  it("marks the MLflow run FAILED when logging breaks midway", async () => {
    server.failing.add("runs/log-batch");
    const error = await logTrainingRun(options("tf-broken-batch"), finishedRun(RUN_A)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect(error).toMatchObject({ status: 500, errorCode: "INTERNAL_ERROR" });
    const [created] = [...server.runs.entries()].filter(([, r]) => r.experimentId === server.experiments.get("tf-broken-batch"));
    expect(created[1].status).toBe("FAILED");
  });

  it("on the job's path a server answering 500 is a warning, never a thrown error", async () => {
    server.failing.add("experiments/get-by-name");
    const warnings: Array<{ details: object; message: string }> = [];
    const result = await logTrainingRunOrWarn(options("tf-down"), finishedRun(RUN_A), (details, message) => warnings.push({ details, message }));
    expect(result).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/MLflow failed; the registry has it/);
    expect(warnings[0].details).toMatchObject({ trainingRunId: RUN_A, err: { status: 500, errorCode: "INTERNAL_ERROR" } });
  });

  it("gives up on a server that does not answer within the timeout", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      await expect(new MlflowClient(`http://127.0.0.1:${port}`, 200).createExperiment("x")).rejects.toMatchObject({ name: "TimeoutError" });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
