import { MlflowClient } from "./mlflow-client";
import { MlflowError } from "./mlflow-error";
import { trainingBatch, type FinishedTrainingRun } from "./training-run-fields";

export interface MlflowOptions {
  trackingUri: string;
  experimentName: string;
  timeoutMs?: number;
}

/** The experiment's id, creating it on first use; a concurrent creator winning the race is fine. */
async function experimentId(client: MlflowClient, name: string): Promise<string> {
  const existing = await client.experimentIdByName(name);
  if (existing) return existing;
  try {
    return await client.createExperiment(name);
  } catch (error) {
    const raced = error instanceof MlflowError && error.errorCode === "RESOURCE_ALREADY_EXISTS" ? await client.experimentIdByName(name) : undefined;
    if (raced) return raced;
    throw error;
  }
}

/**
 * Logs one finished training run as one MLflow run: request and data as params, every member's and baseline's
 * metrics, registry version ids as tags, ended FINISHED. Marked FAILED when logging breaks midway; returns the run id.
 */
export async function logTrainingRun(options: MlflowOptions, run: FinishedTrainingRun, now: () => number = Date.now): Promise<string> {
  const client = new MlflowClient(options.trackingUri, options.timeoutMs);
  const experiment = await experimentId(client, options.experimentName);
  const end = now();
  const runName = `${run.symbol} ${run.interval} ${run.trainingRunId.slice(0, 8)}`;
  const runId = await client.createRun({ experimentId: experiment, runName, startTime: end - run.output.durationMs, tags: [{ key: "mlflow.source.name", value: "tradeforge" }] });
  try {
    await client.logBatch(runId, trainingBatch(run, end));
  } catch (error) {
    await client.updateRun(runId, "FAILED", now()).catch(() => undefined);
    throw error;
  }
  await client.updateRun(runId, "FINISHED", now());
  return runId;
}

/** The job's path: the registry is the source of truth, so an MLflow failure is a warning and never fails the run. */
export async function logTrainingRunOrWarn(options: MlflowOptions, run: FinishedTrainingRun, warn: (details: object, message: string) => void): Promise<string | undefined> {
  try {
    return await logTrainingRun(options, run);
  } catch (error) {
    warn({ err: error, trainingRunId: run.trainingRunId, trackingUri: options.trackingUri }, "logging the training run to MLflow failed; the registry has it");
    return undefined;
  }
}
