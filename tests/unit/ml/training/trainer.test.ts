import { describe, expect, it } from "vitest";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import { trainModels } from "@/lib/ml/training/trainer";
import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import { generatedBars } from "../../../integration/backtests/support";

const bars = generatedBars(420);
const request = trainingRequestSchema.parse({
  data: { source: "bars", symbol: "SINE", interval: "1m" }, horizon: 3, deadZone: 0.0005, seed: 7,
  forest: { trees: 5, maxDepth: 4 }, lstm: { windowLength: 5, units: 4, epochs: 2 }, dqn: { hiddenUnits: 8, episodes: 2 },
});
const noCancel = new AbortController().signal;

describe("trainModels", () => {
  it("trains the three members and the ensemble, each scored beside the same four baselines", async () => {
    const stages: Array<[number, string]> = [];
    const output = await trainModels(bars, request, { signal: noCancel, progress: async (f, s) => void stages.push([f, s]) });
    expect(output.models.map((m) => m.kind)).toEqual(["rf", "lstm", "ddqn", "ensemble"]);
    for (const model of output.models) {
      for (const window of [model.metrics.validation, model.metrics.test]) {
        expect(window.model.samples).toBeGreaterThanOrEqual(20);
        expect(window.baselines.map((b) => b.name)).toEqual(["majority-class", "persistence", "buy-and-hold", "ma-cross"]);
        expect(window.baselines.every((b) => b.samples === window.model.samples)).toBe(true);
      }
    }
    const weights = Object.values(output.models[3].params.weights as Record<string, number>);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(stages.map(([f]) => f)).toEqual([...stages.map(([f]) => f)].sort((a, b) => a - b));
    expect(stages.at(-1)).toEqual([1, "done"]);
    expect(stages.some(([, s]) => s.startsWith("lstm epoch 2/2"))).toBe(true);
    expect(output.samples.train).toBeGreaterThan(output.samples.test);
  });

  it("is reproducible: the same seed and bars give the same artifacts and metrics", async () => {
    const [a, b] = [await trainModels(bars, request, { signal: noCancel, progress: async () => {} }), await trainModels(bars, request, { signal: noCancel, progress: async () => {} })];
    expect(b.models.map((m) => [m.artifact, m.metrics])).toEqual(a.models.map((m) => [m.artifact, m.metrics]));
  });

  it("stops with TrainingCancelled once the signal is aborted mid-run", async () => {
    const controller = new AbortController();
    const progress = async (_: number, stage: string) => {
      if (stage.startsWith("lstm epoch 1/")) controller.abort();
    };
    await expect(trainModels(bars, request, { signal: controller.signal, progress })).rejects.toBeInstanceOf(TrainingCancelled);
  });

  it("refuses too few bars for a meaningful split", async () => {
    await expect(trainModels(bars.slice(0, 80), request, { signal: noCancel, progress: async () => {} })).rejects.toThrow(/needs 20/);
  });
});
