import type { Sequential } from "@tensorflow/tfjs";
import type { SeedSequence, Tf } from "@/lib/ml/neural/tf-runtime";

export interface QNetworkShape {
  observationSize: number;
  hiddenUnits: readonly number[];
  actionCount: number;
}

/** A small MLP from an observation to one Q value per action (ReLU hidden layers, linear output), seeded. */
export function buildQNetwork(tf: Tf, shape: QNetworkShape, seeds: SeedSequence): Sequential {
  const model = tf.sequential();
  shape.hiddenUnits.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        ...(i === 0 ? { inputShape: [shape.observationSize] } : {}),
        units,
        activation: "relu",
        kernelInitializer: tf.initializers.heUniform({ seed: seeds.take() }),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      ...(shape.hiddenUnits.length === 0 ? { inputShape: [shape.observationSize] } : {}),
      units: shape.actionCount,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.take() }),
    }),
  );
  return model;
}
