import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { boundCounter } from "./bound-counter";
import { appMetrics } from "./registry";

export interface ModelMetrics {
  inference: Histogram;
  countTrainingRun: (status: string) => void;
  hitRate: Gauge<"version">;
}

const INFERENCE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function defineModelMetrics(registry: Registry): ModelMetrics {
  return {
    inference: new Histogram({ name: "tradeforge_inference_duration_seconds", help: "Live model inference latency per closed bar", buckets: INFERENCE_BUCKETS, registers: [registry] }),
    countTrainingRun: boundCounter(new Counter({ name: "tradeforge_training_runs_total", help: "Model training runs finished, by status", labelNames: ["status"], registers: [registry] })),
    hitRate: new Gauge({ name: "tradeforge_model_hit_rate", help: "Live hit rate of each production model version over its resolved calls, 0..1", labelNames: ["version"], registers: [registry] }),
  };
}

export const observeInference = (seconds: number) => appMetrics().models.inference.observe(seconds);
export const countTrainingRun = (status: string) => appMetrics().models.countTrainingRun(status);

export const setModelHitRate = (version: string, rate: number) => appMetrics().models.hitRate.set({ version }, rate);
