import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { logger } from "@/lib/logger";

export type Tf = typeof tf;

let loading: Promise<Tf> | undefined;

/**
 * The one way to get TensorFlow.js: the wasm backend (tfjs-node needs a native binary that does not install here),
 * or the pure-JS "cpu" backend when wasm cannot start. Loaded once per process; every caller shares the backend.
 */
export function loadTf(): Promise<Tf> {
  loading ??= selectBackend();
  return loading;
}

async function selectBackend(): Promise<Tf> {
  try {
    if (!(await tf.setBackend("wasm"))) throw new Error("setBackend(wasm) returned false");
    await tf.ready();
  } catch (error) {
    logger("tf-runtime").warn({ err: error }, "wasm backend unavailable, falling back to cpu");
    await tf.setBackend("cpu");
    await tf.ready();
  }
  return tf;
}

/**
 * Seeds for the random draws of one model, all derived from the run's seed: every initializer gets its own stream
 * (equal seeds would give equal layers), and none falls back to Math.random, so one seed fixes every weight.
 */
export class SeedSequence {
  private next = 0;

  constructor(private readonly seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  }

  /** A fresh seed for one initializer or random op. */
  take(): number {
    this.next += 1;
    return this.seed * 7_919 + this.next;
  }
}
