import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { BullmqJobQueue } from "@/lib/jobs/bullmq-job-queue";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const queues: BullmqJobQueue[] = [];
afterAll(async () => {
  for (const q of queues) await q.close();
});

describe("BullMQ job queue on the real Redis", () => {
  it("runs an enqueued job in a worker and honours job ids", async () => {
    const seen: string[] = [];
    const producer = new BullmqJobQueue(REDIS_URL);
    const worker = new BullmqJobQueue(REDIS_URL);
    queues.push(producer, worker);
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
    const queue = new BullmqJobQueue(REDIS_URL);
    queues.push(queue);
    await queue.process([{ name: "tick", schema: z.object({}), run: async () => seen.push(Date.now()) }]);
    await queue.schedule("tick", 300, {});
    await queue.schedule("tick", 300, {});
    const deadline = Date.now() + 15_000;
    while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    await queue.schedule("tick", 3_600_000, {});
  });
});
