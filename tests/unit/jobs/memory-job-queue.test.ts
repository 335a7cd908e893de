import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MemoryJobQueue } from "@/lib/jobs/memory-job-queue";
import type { JobDefinition } from "@/lib/jobs/job-queue";

const until = async (probe: () => boolean, ms = 8_000) => {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

function job(run: (payload: { n: number }) => Promise<unknown>): JobDefinition {
  return { name: "count", schema: z.object({ n: z.number() }).strict(), run };
}

describe("the in-process job runner", () => {
  it("runs jobs in order, one at a time", async () => {
    const seen: number[] = [];
    let active = 0;
    let maxActive = 0;
    const queue = new MemoryJobQueue();
    await queue.process([job(async ({ n }) => {
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(n);
      active -= 1;
    })]);
    for (const n of [1, 2, 3]) await queue.enqueue("count", { n });
    await until(() => seen.length === 3);
    expect(seen).toEqual([1, 2, 3]);
    expect(maxActive).toBe(1);
    await queue.close();
  });

  it("retries a failing job with backoff, and gives up after three attempts", async () => {
    const failures: boolean[] = [];
    let attempts = 0;
    const queue = new MemoryJobQueue((_name, _error, willRetry) => failures.push(willRetry));
    await queue.process([job(async () => {
      attempts += 1;
      throw new Error("database away");
    })]);
    const started = Date.now();
    await queue.enqueue("count", { n: 1 });
    await until(() => failures.length === 3);
    expect(attempts).toBe(3);
    expect(failures).toEqual([true, true, false]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    await queue.close();
  });

  it("drops a job with an invalid payload without retrying, and runs a job id only once", async () => {
    const failures: boolean[] = [];
    const seen: number[] = [];
    const queue = new MemoryJobQueue((_name, _error, willRetry) => failures.push(willRetry));
    await queue.process([job(async ({ n }) => seen.push(n))]);
    await queue.enqueue("count", { n: "one" });
    await queue.enqueue("count", { n: 7 }, { jobId: "same" });
    await queue.enqueue("count", { n: 8 }, { jobId: "same" });
    await until(() => seen.length === 1 && failures.length === 1);
    expect(failures).toEqual([false]);
    expect(seen).toEqual([7]);
    await queue.close();
  });

  it("keeps jobs that arrive before their processor and runs them once it starts", async () => {
    const seen: number[] = [];
    const queue = new MemoryJobQueue();
    await queue.enqueue("count", { n: 5 });
    await queue.process([job(async ({ n }) => seen.push(n))]);
    await until(() => seen.length === 1);
    expect(seen).toEqual([5]);
    await queue.close();
  });
});
