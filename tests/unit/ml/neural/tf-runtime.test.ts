import { describe, expect, it } from "vitest";
import { loadTf, SeedSequence } from "@/lib/ml/neural/tf-runtime";

describe("tf-runtime", () => {
  it("runs TensorFlow.js on the wasm backend, loaded once", async () => {
    const tf = await loadTf();
    expect(tf.getBackend()).toBe("wasm");
    expect(await loadTf()).toBe(tf);
  });

  it("gives seeded random ops the same draws for the same seed", async () => {
    const tf = await loadTf();
    const draw = (seed: number) => tf.tidy(() => Array.from(tf.randomNormal([8], 0, 1, "float32", seed).dataSync()));
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });

  it("derives a distinct, repeatable seed per initializer from the run's seed", () => {
    const take3 = (seed: number) => {
      const seeds = new SeedSequence(seed);
      return [seeds.take(), seeds.take(), seeds.take()];
    };
    expect(take3(1)).toEqual(take3(1));
    expect(new Set(take3(1)).size).toBe(3);
    expect(take3(2)).not.toEqual(take3(1));
    expect(() => new SeedSequence(1.5)).toThrow(/integer/);
  });
});
