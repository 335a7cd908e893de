import { describe, expect, it } from "vitest";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import { runTrainingInWorker } from "@/lib/ml/training/run-training-in-worker";
import { trainModels } from "@/lib/ml/training/trainer";
import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import { generatedBars } from "../../../integration/backtests/support";

const bars = generatedBars(420);
const request = trainingRequestSchema.parse({
  data: { source: "bars", symbol: "SINE", interval: "1m" }, horizon: 3, deadZone: 0.0005, seed: 11,
  forest: { trees: 4, maxDepth: 4 }, lstm: { windowLength: 5, units: 4, epochs: 3 }, dqn: { hiddenUnits: 8, episodes: 2 },
});

describe("runTrainingInWorker", () => {
  it("trains in a worker thread to the same output as in this thread, relaying progress", async () => {
    const fractions: number[] = [];
    const inWorker = await runTrainingInWorker(bars, request, { signal: new AbortController().signal, progress: async (f) => void fractions.push(f) });
    const here = await trainModels(bars, request, { signal: new AbortController().signal, progress: async () => {} });
    expect(inWorker.models.map((m) => [m.kind, m.artifact, m.metrics])).toEqual(here.models.map((m) => [m.kind, m.artifact, m.metrics]));
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(5);
  });

  it("stops the worker between epochs when the signal is aborted", async () => {
    const controller = new AbortController();
    const stages: string[] = [];
    const run = runTrainingInWorker(bars, request, {
      signal: controller.signal,
      progress: async (_, stage) => {
        stages.push(stage);
        if (stage.startsWith("lstm epoch 1/")) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(TrainingCancelled);
    expect(stages.some((s) => s.startsWith("ddqn"))).toBe(false);
  });
});
