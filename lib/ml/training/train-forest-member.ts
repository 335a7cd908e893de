import { directionOfClass } from "@/lib/ml/labels";
import { argMax } from "@/lib/ml/arg-max";
import { DEFAULT_RANDOM_FOREST_PARAMS, RandomForestModel, type RandomForestParams } from "@/lib/ml/random-forest-model";
import type { TrainedMember } from "./member-predictor";
import type { TrainingRequest } from "./training-request";
import type { SamplePart, TrainingSamples } from "./training-samples";

export function forestParams(request: TrainingRequest, trainSize: number): RandomForestParams {
  return {
    ...DEFAULT_RANDOM_FOREST_PARAMS, trees: request.forest.trees, maxDepth: request.forest.maxDepth, seed: request.seed,
    rowsPerTree: Math.min(DEFAULT_RANDOM_FOREST_PARAMS.rowsPerTree, trainSize),
    minLeafSamples: Math.min(DEFAULT_RANDOM_FOREST_PARAMS.minLeafSamples, Math.max(2, Math.floor(trainSize / 20))),
  };
}

export function forestPredictor(model: RandomForestModel, samples: TrainingSamples): TrainedMember["predict"] {
  return async (positions) => {
    const probabilities = positions.map((p) => model.predictProbabilities(samples.dataset.features[p]));
    return { directions: probabilities.map((p) => directionOfClass(argMax(p))), probabilities };
  };
}

/** The Random Forest on the training rows (synchronous: a few hundred ms for the bounded sizes). */
export function trainForestMember(samples: TrainingSamples, train: SamplePart, request: TrainingRequest): TrainedMember {
  const started = performance.now();
  const params = forestParams(request, train.positions.length);
  const model = RandomForestModel.train(train.positions.map((p) => samples.dataset.features[p]), train.labels, samples.dataset.featureNames, params);
  return {
    kind: "rf", params: { ...params }, artifact: model.toJSON(), durationMs: Math.round(performance.now() - started),
    predict: forestPredictor(model, samples), dispose: () => {},
  };
}
