import { z } from "zod";
import { MAX_PARAM_VALUE_BYTES, MAX_TAG_VALUE_BYTES, splitBatch, truncateUtf8, type MlflowBatch, type MlflowKeyValue } from "./mlflow-batches";
import { MlflowError } from "./mlflow-error";

export type MlflowRunStatus = "FINISHED" | "FAILED" | "KILLED";

const errorBody = z.object({ error_code: z.string().optional(), message: z.string().optional() });
const experimentResponse = z.object({ experiment: z.object({ experiment_id: z.string(), lifecycle_stage: z.string().optional() }) });
const createExperimentResponse = z.object({ experiment_id: z.string() });
const createRunResponse = z.object({ run: z.object({ info: z.object({ run_id: z.string() }) }) });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const tagsOf = (tags: MlflowKeyValue[]) => tags.map((t) => ({ key: t.key, value: truncateUtf8(t.value, MAX_TAG_VALUE_BYTES) }));

/** The few MLflow tracking endpoints (REST API 2.0, MLflow 2.x) the training job uses, over fetch with a timeout per call. */
export class MlflowClient {
  private readonly base: string;

  constructor(trackingUri: string, private readonly timeoutMs = 10_000) {
    this.base = trackingUri.replace(/\/+$/, "");
  }

  private async call<T>(endpoint: string, schema: z.ZodType<T>, init: { method: "GET" | "POST"; query?: Record<string, string>; body?: unknown }): Promise<T> {
    const url = new URL(`${this.base}/api/2.0/mlflow/${endpoint}`);
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
    const response = await fetch(url, {
      method: init.method, signal: AbortSignal.timeout(this.timeoutMs),
      ...(init.body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) {
      const error = errorBody.safeParse(json);
      throw new MlflowError(endpoint, response.status, error.data?.error_code, error.data?.message ?? text.slice(0, 200));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new MlflowError(endpoint, response.status, undefined, `unexpected response: ${text.slice(0, 200)}`);
    return parsed.data;
  }

  /** The experiment's id, or undefined when none has that name (MLflow answers RESOURCE_DOES_NOT_EXIST). */
  async experimentIdByName(name: string): Promise<string | undefined> {
    try {
      const found = await this.call("experiments/get-by-name", experimentResponse, { method: "GET", query: { experiment_name: name } });
      return found.experiment.experiment_id;
    } catch (error) {
      if (error instanceof MlflowError && error.errorCode === "RESOURCE_DOES_NOT_EXIST") return undefined;
      throw error;
    }
  }

  async createExperiment(name: string): Promise<string> {
    return (await this.call("experiments/create", createExperimentResponse, { method: "POST", body: { name } })).experiment_id;
  }

  async createRun(run: { experimentId: string; runName: string; startTime: number; tags: MlflowKeyValue[] }): Promise<string> {
    const body = { experiment_id: run.experimentId, run_name: run.runName, start_time: run.startTime, tags: tagsOf(run.tags) };
    return (await this.call("runs/create", createRunResponse, { method: "POST", body })).run.info.run_id;
  }

  /** Logs everything, split into as many log-batch requests as the limits need; returns how many were sent. */
  async logBatch(runId: string, batch: MlflowBatch): Promise<number> {
    const params = batch.params.map((p) => ({ key: p.key, value: truncateUtf8(p.value, MAX_PARAM_VALUE_BYTES) }));
    const batches = splitBatch({ metrics: batch.metrics, params, tags: tagsOf(batch.tags) });
    for (const part of batches) await this.call("runs/log-batch", z.object({}), { method: "POST", body: { run_id: runId, ...part } });
    return batches.length;
  }

  async updateRun(runId: string, status: MlflowRunStatus, endTime: number): Promise<void> {
    await this.call("runs/update", z.object({}), { method: "POST", body: { run_id: runId, status, end_time: endTime } });
  }
}
