import { describe, expect, it } from "vitest";
import { InferenceThread, InferenceThreadGone } from "@/lib/ml/live/inference-thread";

const bar = { symbol: "BTCUSDT", interval: "1m" as const, openTime: 0, open: 1, high: 1, low: 1, close: 1, volume: 1, trades: 1, closed: true };

describe("the inference thread", () => {
  it("answers a bar no version runs on with no calls", async () => {
    const thread = new InferenceThread(() => undefined);
    try {
      expect(await thread.onBar(bar)).toEqual([]);
    } finally {
      await thread.close();
    }
  });

  it("fails what is pending and what comes after once it is gone, instead of leaving the engine waiting", async () => {
    const gone: Error[] = [];
    const thread = new InferenceThread((error) => gone.push(error));
    const pending = expect(thread.onBar(bar)).rejects.toBeInstanceOf(InferenceThreadGone);
    await thread.close();
    await pending;
    await expect(thread.onBar(bar)).rejects.toBeInstanceOf(InferenceThreadGone);
    expect(thread.alive).toBe(false);
  });
});
