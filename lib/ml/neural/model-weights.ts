import type { LayersModel } from "@tensorflow/tfjs";
import type { Tf } from "@/lib/ml/neural/tf-runtime";

/** One weight tensor as plain JSON. float32 values survive number[] and JSON exactly, so a reload is bit-identical. */
export interface WeightArray {
  shape: number[];
  values: number[];
}

/** The model's weights in layer order (names are left out: tfjs numbers layers per process, so they do not reload). */
export function exportWeights(model: LayersModel): WeightArray[] {
  return model.getWeights().map((w) => ({ shape: [...w.shape], values: Array.from(w.dataSync()) }));
}

/** Sets the weights of a model built with the same architecture; throws when the shapes do not match. */
export function importWeights(tf: Tf, model: LayersModel, weights: readonly WeightArray[]): void {
  const expected = model.getWeights().map((w) => w.shape.join("x"));
  const given = weights.map((w) => w.shape.join("x"));
  if (expected.join(",") !== given.join(",")) throw new RangeError(`weight shapes ${given.join(",")} do not fit the model (${expected.join(",")})`);
  const tensors = weights.map((w) => tf.tensor(w.values, w.shape, "float32"));
  model.setWeights(tensors);
  tf.dispose(tensors);
}
