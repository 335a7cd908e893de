import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { BullmqJobQueue } from "@/lib/jobs/bullmq-job-queue";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// A queue of its own per run, removed afterwards, so the tests leave nothing behind in Redis.
const QUEUE = `tf-test-${randomUUID()}`;
const queues: BullmqJobQueue[] = [];
const open = (name = QUEUE) => {
  const queue = new BullmqJobQueue(REDIS_URL, undefined, name);
  queues.push(queue);
  return queue;
};
afterAll(async () => {
  for (const q of queues) await q.obliterate();
  for (const q of queues) await q.close();
});

describe("BullMQ job queue on the real Redis", () => {
  it("runs an enqueued job in a worker and honours job ids", async () => {
    const seen: string[] = [];
    const producer = open();
    const worker = open();
    const tag = randomUUID();
    await worker.process([{ name: "echo", schema: z.object({ tag: z.string(), n: z.number() }), run: async ({ tag: t, n }) => seen.push(`${t}:${n}`) }]);
    await producer.enqueue("echo", { tag, n: 1 }, { jobId: `echo-${tag}` });
    await producer.enqueue("echo", { tag, n: 2 }, { jobId: `echo-${tag}` });
    const deadline = Date.now() + 15_000;
    while (!seen.includes(`${tag}:1`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    expect(seen.filter((s) => s.startsWith(tag))).toEqual([`${tag}:1`]);
  });

  it("upserts a repeating schedule that runs the job", async () => {
    const seen: number[] = [];
    // Its own queue: the first test's worker knows only "echo" and would fail every "tick" it picked up.
    const queue = open(`${QUEUE}-schedule`);
    await queue.process([{ name: "tick", schema: z.object({}), run: async () => seen.push(Date.now()) }]);
    await queue.schedule("tick", { everyMs: 300 }, {});
    await queue.schedule("tick", { everyMs: 300 }, {});
    const deadline = Date.now() + 15_000;
    while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });
});
