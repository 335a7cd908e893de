import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { QUEUE_NAME } from "@/lib/jobs/job-queue";
import { MemoryJobQueue } from "@/lib/jobs/memory-job-queue";
import { metricsRegistry } from "@/lib/metrics";
import { defineQueueDepthMetrics } from "@/lib/metrics/queue-depths";

const until = async (probe: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** The samples of tradeforge_queue_jobs in the exposition text, as "queue/state" -> value. */
async function depthSamples(registry: Registry): Promise<Record<string, number>> {
  const text = await registry.metrics();
  const samples: Record<string, number> = {};
  for (const match of text.matchAll(/^tradeforge_queue_jobs\{queue="([^"]+)",state="([^"]+)"\} (\S+)$/gm)) samples[`${match[1]}/${match[2]}`] = Number(match[3]);
  return samples;
}

describe("job queue depths on /metrics", () => {
  it("the embedded runner exports waiting, active and delayed (retries in backoff) while it runs, and nothing once closed", async () => {
    const queue = new MemoryJobQueue();
    const release: Array<() => void> = [];
    let started = 0;
    await queue.process([
      { name: "hold", schema: z.object({}), run: () => new Promise<void>((resolve) => { started++; release.push(resolve); }) },
      { name: "flaky", schema: z.object({}), run: async () => { throw new Error("not yet"); } },
    ]);
    await queue.enqueue("flaky", {});
    await until(() => queue.depths().delayed === 1);
    for (let i = 0; i < 3; i++) await queue.enqueue("hold", {});
    await until(() => started === 1);

    expect(await depthSamples(metricsRegistry())).toEqual({ [`${QUEUE_NAME}/waiting`]: 2, [`${QUEUE_NAME}/active`]: 1, [`${QUEUE_NAME}/delayed`]: 1 });
    release.shift()!();
    await until(() => started === 2);
    expect((await depthSamples(metricsRegistry()))[`${QUEUE_NAME}/waiting`]).toBe(1);

    const closing = queue.close();
    for (const resolve of release) resolve();
    await closing;
    expect(await depthSamples(metricsRegistry())).toEqual({});
  });

  it("reads every tracked queue at scrape time, leaves out a queue whose counts cannot be read, and stops when told", async () => {
    const registry = new Registry();
    const depths = defineQueueDepthMetrics(registry);
    let reads = 0;
    const stopA = depths.track("a", async () => {
      reads++;
      return { waiting: 4, active: 0, delayed: 6, failed: 1 };
    });
    depths.track("b", async () => {
      throw new Error("Redis unreachable");
    });
    expect(reads).toBe(0);
    expect(await depthSamples(registry)).toEqual({ "a/waiting": 4, "a/active": 0, "a/delayed": 6, "a/failed": 1 });
    expect(reads).toBe(1);
    stopA();
    expect(await depthSamples(registry)).toEqual({});
  });
});
