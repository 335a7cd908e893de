import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bars as barsTable, modelVersions } from "@/lib/db/schema";
import type { JobQueue } from "@/lib/jobs/job-queue";
import { startJobs } from "@/lib/jobs/start-jobs";
import { enqueueTraining } from "@/lib/ml/training/enqueue-training";
import type { WindowScores } from "@/lib/ml/training/window-scores";
import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import { findTrainingRun, insertTrainingRun, type TrainingRunRow } from "@/lib/ml/training/training-run-store";
import type { Services } from "@/lib/runtime/services";
import { waitFor } from "../support/engine-harness";
import { createTestUser } from "../support/users";
import { backtestServices, generatedBars } from "../backtests/support";
import { MlflowTestServer } from "./mlflow-test-server";

const REQUEST = trainingRequestSchema.parse({
  data: { source: "bars", symbol: "SINE", interval: "1m" }, horizon: 3, deadZone: 0.0005, seed: 5,
  forest: { trees: 5, maxDepth: 4 }, lstm: { windowLength: 5, units: 4, epochs: 2 }, dqn: { hiddenUnits: 8, episodes: 2 },
});

const server = new MlflowTestServer();
const warnings: Array<{ msg: string; trainingRunId?: string }> = [];
let services: Services;
let jobs: JobQueue;
let userId: string;

beforeAll(async () => {
  await server.start();
  const base = await backtestServices();
  services = { ...base, config: { ...base.config, MLFLOW_TRACKING_URI: server.url, MLFLOW_EXPERIMENT_NAME: "tf-job" } };
  const sink = new Writable({ write: (line: Buffer, _enc, done) => { warnings.push(JSON.parse(line.toString())); done(); } });
  jobs = await startJobs(services, pino({ level: "warn" }, sink));
  userId = (await createTestUser(services, "trader")).user.id;
  const bars = generatedBars(420);
  await services.database.db.insert(barsTable).values(bars.map((b) => ({ ...b, symbol: "SINE", interval: "1m", openTime: new Date(b.openTime), trades: 1 })));
});
afterAll(async () => {
  await jobs?.close();
  await services?.database.close();
  await server.stop();
});

async function trainToEnd(): Promise<TrainingRunRow> {
  const run = await insertTrainingRun(services.database.db, { request: REQUEST, createdBy: userId });
  await enqueueTraining(jobs, run.id);
  return waitFor(async () => {
    const row = await findTrainingRun(services.database.db, run.id);
    return row && !["queued", "running"].includes(row.status) ? row : undefined;
  }, "the training run to finish", 50_000);
}

describe("the training job with MLFLOW_TRACKING_URI set", () => {
  it("logs the completed run to MLflow after the registry write, with the registry's version ids and metrics", async () => {
    const run = await trainToEnd();
    expect(run.status).toBe("completed");
    const stored = await services.database.db.select().from(modelVersions).where(eq(modelVersions.trainingRunId, run.id));
    expect(stored).toHaveLength(4);
    // The run is completed in the registry first; the MLflow logging follows it in the same job.
    const logged = await waitFor(() => [...server.runs.values()].find((r) => r.tags.get("tradeforge.training_run_id") === run.id && r.status !== "RUNNING"), "the MLflow run to end");
    expect(logged.status).toBe("FINISHED");
    for (const version of stored) {
      expect(logged.tags.get(`tradeforge.version.${version.kind}`)).toMatch(new RegExp(`^${version.id} `));
      const metrics = version.metrics as { test: WindowScores };
      expect(logged.metrics.find((m) => m.key === `test.${version.kind}.accuracy`)?.value).toBe(metrics.test.model.accuracy);
    }
    expect(Object.fromEntries(logged.params)).toMatchObject({ "data.symbol": "SINE", horizon: "3", seed: "5", "forest.trees": "5" });
    expect(warnings).toEqual([]);
  });

  it("completes the run and only warns when MLflow answers 500", async () => {
    server.failing.add("experiments/get-by-name");
    const run = await trainToEnd();
    expect(run.status).toBe("completed");
    expect(await services.database.db.select().from(modelVersions).where(eq(modelVersions.trainingRunId, run.id))).toHaveLength(4);
    await waitFor(() => warnings.length > 0, "the warning");
    expect(warnings).toEqual([expect.objectContaining({ level: 40, trainingRunId: run.id, msg: expect.stringMatching(/MLflow failed/), err: expect.objectContaining({ status: 500 }) })]);
    expect([...server.runs.values()].some((r) => r.tags.get("tradeforge.training_run_id") === run.id)).toBe(false);
  });
});
