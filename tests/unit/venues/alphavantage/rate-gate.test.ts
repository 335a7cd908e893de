import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRateGate, RateGateTimeoutError, type Sleep } from "@/lib/runtime/rate-gate";

const START = Date.UTC(2024, 7, 5, 14, 0, 0);

/** Waiting moves the simulated clock instead of passing real time. */
const simulatedSleep = (waits: number[]): Sleep => async (ms) => {
  waits.push(ms);
  vi.setSystemTime(Date.now() + ms);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("createRateGate (memory)", () => {
  it("lets the quota through at once, then waits for the window to free a point", async () => {
    const waits: number[] = [];
    const gate = createRateGate({ name: "test-window", points: 2, durationSeconds: 60, sleep: simulatedSleep(waits) });
    const takenAt: number[] = [];
    for (let i = 0; i < 5; i++) {
      await gate.take();
      takenAt.push(Date.now() - START);
    }
    expect(takenAt).toEqual([0, 0, 60_000, 60_000, 120_000]);
    expect(waits).toEqual([60_000, 60_000]);
  });

  it("throws a clear error instead of waiting longer than allowed", async () => {
    const gate = createRateGate({ name: "test-max-wait", points: 1, durationSeconds: 60, sleep: simulatedSleep([]) });
    await gate.take();
    const error = await gate.take({ maxWaitMs: 30_000 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(RateGateTimeoutError);
    expect((error as Error).message).toBe(`Rate gate "test-max-wait" is used up: the next free call is in 60 s, longer than the 30 s allowed to wait`);
  });

  it("tells the caller how long it is about to wait", async () => {
    const gate = createRateGate({ name: "test-on-wait", points: 1, durationSeconds: 10, sleep: simulatedSleep([]) });
    const announced: number[] = [];
    await gate.take({ onWait: (ms) => announced.push(ms) });
    await gate.take({ onWait: (ms) => announced.push(ms) });
    expect(announced).toEqual([10_000]);
  });

  it("stops waiting when the caller aborts", async () => {
    vi.useRealTimers();
    const gate = createRateGate({ name: "test-abort", points: 1, durationSeconds: 3600 });
    await gate.take();
    const controller = new AbortController();
    const waiting = gate.take({ signal: controller.signal });
    controller.abort(new Error("shutting down"));
    await expect(waiting).rejects.toThrow("shutting down");
  });
});
