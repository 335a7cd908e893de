import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createPostgres } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { BullmqJobQueue } from "@/lib/jobs/bullmq-job-queue";
import { QUEUE_NAME } from "@/lib/jobs/job-queue";
import { metricsRegistry } from "@/lib/metrics";
import { FreezableProxy } from "./support/freezable-proxy";
import { createTestDatabase, eventually, freePort, REDIS_URL, requireRedis, sleep, type TestDatabase } from "./support/infrastructure";
import { splitEnv } from "./support/launch";
import { ServiceProcess } from "./support/service-process";

// The jobs process always runs the queue named QUEUE_NAME; a Redis database of its own keeps it apart from
// any other stack on this Redis (BullMQ keys live in one database; pub/sub does not matter here).
const JOBS_REDIS_DB = 12;

/** Samples of one metric family in exposition text, keyed by their label set as written ('{queue="x",state="y"}'). */
function samples(text: string, family: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of text.matchAll(new RegExp(`^${family}(\\{[^}]*\\})? (\\S+)$`, "gm"))) found.set(match[1] ?? "", Number(match[2]));
  return found;
}

const depth = (text: string, queue: string, state: string) => samples(text, "tradeforge_queue_jobs").get(`{queue="${queue}",state="${state}"}`);

describe("queue depths and Redis health of a process running BullMQ (real Redis)", () => {
  const queueName = `tf-test-metrics-${randomUUID()}`;
  let queue: BullmqJobQueue;
  let inspector: Queue;
  const release: Array<() => void> = [];

  beforeAll(async () => {
    await requireRedis();
    queue = new BullmqJobQueue(REDIS_URL, undefined, queueName);
    inspector = new Queue(queueName, { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }) });
  });
  afterAll(async () => {
    for (const resolve of release) resolve();
    await queue?.obliterate();
    await queue?.close();
    await inspector?.close();
  });

  it("exports waiting, active, delayed and failed exactly as BullMQ counts them, and PING of its connection", async () => {
    let started = 0;
    await queue.process([
      { name: "hold", schema: z.object({}), run: () => new Promise<void>((resolve) => { started++; release.push(resolve); }) },
      { name: "strict", schema: z.object({ n: z.number() }), run: async () => undefined },
    ]);
    await queue.enqueue("strict", { n: "not a number" });
    await eventually(async () => ((await inspector.getJobCounts("failed")).failed === 1 ? true : undefined), 10_000, "the invalid job to fail for good");
    for (let i = 0; i < 3; i++) await queue.enqueue("hold", {});
    await inspector.add("hold", {}, { delay: 3_600_000 });
    await eventually(async () => (started === 1 ? true : undefined), 10_000, "the first job to start");

    const text = await metricsRegistry().metrics();
    expect(["waiting", "active", "delayed", "failed"].map((state) => depth(text, queueName, state))).toEqual([2, 1, 1, 1]);
    expect(samples(text, "tradeforge_redis_up").get('{client="bullmq"}')).toBe(1);
    const ping = samples(text, "tradeforge_redis_ping_seconds").get('{client="bullmq"}');
    expect(ping).toBeGreaterThan(0);
    expect(ping).toBeLessThan(1);
  });
});

describe("the split-mode jobs process's /metrics (real Redis, real process)", () => {
  let testDb: TestDatabase;
  let proxy: FreezableProxy;
  let jobs: ServiceProcess;
  let inspector: Queue;
  let metricsUrl: string;
  const scrape = async () => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    await requireRedis();
    testDb = await createTestDatabase("tf_jobs_metrics");
    const database = await createPostgres(testDb.url, 2);
    await migrateDatabase(database);
    await database.close();
    // The jobs process reaches Redis through a relay the test can freeze, as a partition would.
    proxy = await FreezableProxy.start("127.0.0.1", Number(new URL(REDIS_URL).port));
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    jobs = new ServiceProcess({ name: "jobs", command: "node_modules/.bin/tsx", args: ["workers/jobs.ts"], env: splitEnv(testDb.url, { REDIS_URL: `redis://127.0.0.1:${proxy.port}/${JOBS_REDIS_DB}`, METRICS_PORT: String(metricsPort) }) });
    await jobs.waitForLog("jobs ready", 60_000);
    inspector = new Queue(QUEUE_NAME, { connection: new Redis(`${REDIS_URL}/${JOBS_REDIS_DB}`, { maxRetriesPerRequest: null }) });
  });
  afterAll(async () => {
    proxy?.thaw();
    jobs?.signal("SIGTERM");
    await jobs?.waitForExit(20_000).catch(() => jobs.killHard());
    await inspector?.obliterate({ force: true }).catch(() => undefined);
    await inspector?.close();
    await proxy?.close();
    await testDb?.drop();
  });

  it("shows the queue's depth by state, following jobs added to it, and its Redis connection as up with a PING time", async () => {
    const first = await scrape();
    for (const state of ["waiting", "active", "delayed", "failed"]) expect(depth(first, QUEUE_NAME, state), state).toBeTypeOf("number");
    expect(samples(first, "tradeforge_redis_up").get('{client="bullmq"}')).toBe(1);
    expect(samples(first, "tradeforge_redis_ping_seconds").get('{client="bullmq"}')).toBeGreaterThan(0);

    // The schedules the process registered are delayed jobs; one that fires at start moves through waiting and
    // active and comes back as its next run, so the count is compared once the queue is quiet.
    const quietDelayed = async () => {
      const counts = await inspector.getJobCounts("waiting", "active", "delayed");
      await sleep(500);
      const again = await inspector.getJobCounts("waiting", "active", "delayed");
      const quiet = counts.waiting + counts.active + again.waiting + again.active === 0 && counts.delayed === again.delayed;
      return quiet && depth(await scrape(), QUEUE_NAME, "delayed") === again.delayed ? again.delayed : undefined;
    };
    const before = await eventually(quietDelayed, 20_000, "a quiet queue whose exported delayed count equals BullMQ's");
    for (let i = 0; i < 3; i++) await inspector.add("tick-retention", { retentionHours: 72 }, { delay: 3_600_000 });
    expect(depth(await scrape(), QUEUE_NAME, "delayed")).toBe(before + 3);
  });

  it("reports Redis down within a scrape while Redis does not answer, without the depths it cannot read, and up again after", async () => {
    proxy.freeze();
    const started = performance.now();
    const frozen = await scrape();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(samples(frozen, "tradeforge_redis_up").get('{client="bullmq"}')).toBe(0);
    expect(samples(frozen, "tradeforge_redis_ping_seconds").has('{client="bullmq"}')).toBe(false);
    expect(depth(frozen, QUEUE_NAME, "waiting")).toBeUndefined();

    proxy.thaw();
    const back = await eventually(async () => {
      const text = await scrape();
      return samples(text, "tradeforge_redis_up").get('{client="bullmq"}') === 1 ? text : undefined;
    }, 15_000, "Redis up again");
    expect(depth(back, QUEUE_NAME, "delayed")).toBeTypeOf("number");
  });
});
