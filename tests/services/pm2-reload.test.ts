import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { adminApiKey } from "./support/credentials";
import { createTestDatabase, eventually, freePort, sleep, type TestDatabase } from "./support/infrastructure";
import { ensureProductionBuild, splitEnv } from "./support/launch";
import { ECOSYSTEM, Pm2 } from "./support/pm2";
import { startPrivateRedis } from "./support/private-redis";
import { type RequestOutcome, RequestLoad } from "./support/request-load";
import { ServiceProcess } from "./support/service-process";

// Ticks flushed rarely and never by size: at each stop, up to two seconds of ticks sit only in the worker's memory.
const TICK_ENV = { SIM_TICKS_PER_SECOND: "200", TICK_FLUSH_MS: "2000", TICK_BATCH_SIZE: "100000", STRATEGY_ENABLED: "false" };
// The load is one test client; the per-user and per-address limits are not what this suite is about.
const LIMITS_ENV = { API_RATE_LIMIT_PER_MINUTE: "1000000", IP_RATE_LIMIT_PER_MINUTE: "1000000" };
const FINAL_LINE = "engine stopped; buffered ticks flushed";
// The phases in which no worker runs or it is still starting its feeds: the only time /api/health may answer 503,
// and then only for the checks that report the worker (its heartbeat and the feeds it runs).
const WORKER_AWAY = new Set(["worker stopped", "worker starting"]);
const WORKER_CHECKS = new Set(["worker", "feeds"]);
// ecosystem.config.cjs: PM2 sends SIGKILL this long after SIGINT.
const KILL_TIMEOUT_MS = 20_000;
// app/api/health answers from a per-process cache at most this old.
const HEALTH_CACHE_MS = 1_000;

const finalLineSchema = z.object({
  pid: z.number(),
  ticksProcessed: z.number().int(),
  ticks: z.object({ buffered: z.number(), written: z.number(), dropped: z.number(), failures: z.number() }),
});
const healthBodySchema = z.object({ status: z.string(), checks: z.record(z.string(), z.object({ ok: z.boolean() })) });

let database: TestDatabase | undefined;
let redis: Awaited<ReturnType<typeof startPrivateRedis>> | undefined;
let pm2: Pm2 | undefined;
let load: RequestLoad | undefined;
let env: Record<string, string>;

/** What the scenario saw, for the assertions below it. */
const seen = { webBefore: [] as number[], webAfter: [] as number[], storedBeforeWorkerStop: 0 };

async function storedTicks(db: TestDatabase): Promise<number> {
  const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from ticks`;
  return row!.n;
}

async function seedDatabase(): Promise<void> {
  const seed = new ServiceProcess({ name: "db:seed", command: "node_modules/.bin/tsx", args: ["scripts/db-seed.ts"], env });
  expect(await seed.waitForExit(120_000), seed.tail()).toEqual({ code: 0, signal: null });
}

function describeOutcomes(outcomes: RequestOutcome[]): string {
  return outcomes.slice(0, 10).map((o) => `${o.phase} ${o.path} ${o.status ?? o.error} ${JSON.stringify(o.body ?? "")}`).join("\n");
}

/** Requests each phase saw, so a phase that sent nothing cannot pass for one that failed nothing. */
function countByPhase(outcomes: RequestOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.phase] = (counts[o.phase] ?? 0) + 1;
  return counts;
}

describe("PM2: reloading the web cluster and stopping the worker under load", () => {
  beforeAll(async () => {
    await ensureProductionBuild();
    redis = await startPrivateRedis();
    database = await createTestDatabase("tf_pm2");
    const [webPort, realtimePort] = await Promise.all([freePort(), freePort()]);
    env = splitEnv(database.url, {
      ...TICK_ENV, ...LIMITS_ENV, REDIS_URL: redis.url, PORT: String(webPort), REALTIME_PORT: String(realtimePort),
      METRICS_PORT: "0", WEB_INSTANCES: "2", NODE_ENV: "production",
    });
    await seedDatabase();
    pm2 = new Pm2(env);
    await pm2.command("start", ECOSYSTEM);
    const origin = `http://127.0.0.1:${webPort}`;
    await eventually(async () => ((await fetch(`${origin}/api/health`)).status === 200 ? true : undefined), 60_000, "GET /api/health to answer 200 under PM2");
    load = new RequestLoad(origin);
    load.start([{ path: "/api/health", clients: 3 }, { path: "/api/positions", clients: 3, apiKey: await adminApiKey(database.url) }]);
  }, 600_000);

  afterAll(async () => {
    await load?.stop();
    await pm2?.kill();
    await redis?.stop();
    await database?.drop();
  });

  it("runs the web as a cluster of two and the worker, realtime gateway and jobs as one process each", async () => {
    const online = (await pm2!.list()).filter((p) => p.status === "online").map((p) => `${p.name} ${p.mode}`);
    expect(online.sort()).toEqual(["jobs fork_mode", "realtime fork_mode", "web cluster_mode", "web cluster_mode", "worker fork_mode"]);
  });

  it("reloads the web processes, stops and starts the worker, while requests keep flowing", async () => {
    const control = pm2!;
    const traffic = load!;
    traffic.phase = "steady";
    await sleep(3_000);

    seen.webBefore = await control.pids("web");
    traffic.phase = "web reload";
    await control.command("reload", "web");
    seen.webAfter = await control.pids("web");
    traffic.phase = "after web reload";
    await sleep(2_000);

    seen.storedBeforeWorkerStop = await storedTicks(database!);
    traffic.phase = "worker stopped";
    const stoppedAt = Date.now();
    await control.command("stop", "worker");
    await traffic.waitForStatus("/api/health", 503, stoppedAt, 20_000);
    traffic.phase = "worker starting";
    const startedAt = Date.now();
    await control.command("start", "worker");
    await traffic.waitForStatus("/api/health", 200, startedAt, 30_000);
    // Each web process keeps its health answer for a second: the other one may still say 503 until then.
    await sleep(HEALTH_CACHE_MS + 500);
    traffic.phase = "after worker restart";
    await sleep(2_000);
    await traffic.stop();
    // The second life's ticks: its own stop flushes them.
    await control.command("stop", "worker");
    expect(seen.webAfter).toHaveLength(2);
  });

  it("answered every request: no connection error, no timeout", () => {
    const outcomes = load!.outcomes;
    const failed = outcomes.filter((o) => o.error !== undefined);
    expect(failed, describeOutcomes(failed)).toEqual([]);
    const perPhase = countByPhase(outcomes);
    for (const phase of ["steady", "web reload", "after web reload", "worker stopped", "worker starting", "after worker restart"]) {
      expect(perPhase[phase] ?? 0, `requests sent during "${phase}"`).toBeGreaterThan(10);
    }
  });

  it("answered 200 throughout, except /api/health's 503 naming the worker while it was stopped or starting", () => {
    const others = load!.outcomes.filter((o) => o.status !== undefined && o.status !== 200);
    const unexplained = others.filter((o) => {
      if (o.path !== "/api/health" || o.status !== 503 || !WORKER_AWAY.has(o.phase)) return true;
      const { checks } = healthBodySchema.parse(o.body);
      const failing = Object.entries(checks).filter(([, check]) => !check.ok).map(([name]) => name);
      return failing.length === 0 || failing.some((name) => !WORKER_CHECKS.has(name));
    });
    expect(unexplained, describeOutcomes(unexplained)).toEqual([]);
  });

  it("replaced both web processes, each of which drained its connections and closed its database and Redis", () => {
    expect(seen.webBefore).toHaveLength(2);
    expect(seen.webAfter.filter((pid) => seen.webBefore.includes(pid))).toEqual([]);
    const lines = pm2!.logLines("web");
    for (const pid of seen.webBefore) {
      const own = lines.filter((line) => line.pid === pid);
      const drained = own.find((line) => line.msg === "http drained");
      expect(drained, `web ${pid}\n${pm2!.tail("web")}`).toMatchObject({ forcedClose: false });
      expect(own.find((line) => line.msg === "connections closed")).toMatchObject({ closed: expect.arrayContaining(["bus", "database"]) });
      expect(own.some((line) => line.msg === "shutdown complete")).toBe(true);
    }
  });

  it("stored every tick the worker processed in each of its two lives, each symbol's seq gap-free", async () => {
    const finals = pm2!.logLines("worker").filter((line) => line.msg === FINAL_LINE).map((line) => finalLineSchema.parse(line));
    expect(finals, pm2!.tail("worker")).toHaveLength(2);
    expect(new Set(finals.map((f) => f.pid)).size).toBe(2);
    for (const final of finals) expect(final.ticks).toMatchObject({ buffered: 0, dropped: 0 });
    // Proof the scenario is real: part of the first life's ticks reached the database only during its shutdown.
    expect(finals[0]!.ticksProcessed).toBeGreaterThan(seen.storedBeforeWorkerStop);
    expect(await storedTicks(database!)).toBe(finals[0]!.ticksProcessed + finals[1]!.ticksProcessed);

    // Each life numbers a symbol's ticks 1, 2, 3...: seq k is stored twice while both lives reached it, then once.
    const rows = await database!.sql<{ symbol: string; seq: number; n: number }[]>`
      select symbol, seq::int as seq, count(*)::int as n from ticks group by symbol, seq order by symbol, seq`;
    for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
      const counts = rows.filter((r) => r.symbol === symbol);
      const bothLives = counts.filter((r) => r.n === 2).length;
      const expected = counts.map((_, i) => ({ symbol, seq: i + 1, n: i < bothLives ? 2 : 1 }));
      expect(counts.length, `${symbol} ticks`).toBeGreaterThan(100);
      expect(counts, `seq of ${symbol}`).toEqual(expected);
    }
  });

  it("stops the web, realtime gateway and jobs within PM2's kill timeout, each through its own graceful shutdown", async () => {
    const running = (await pm2!.list()).filter((p) => p.status === "online");
    expect(running.map((p) => p.name).sort()).toEqual(["jobs", "realtime", "web", "web"]);
    const startedAt = Date.now();
    await pm2!.command("stop", "all");
    expect(Date.now() - startedAt).toBeLessThan(KILL_TIMEOUT_MS);
    for (const { name, pid } of running) {
      const complete = pm2!.logLines(name).some((line) => line.pid === pid && line.msg === "shutdown complete");
      expect(complete, `${name} ${pid}\n${pm2!.tail(name)}`).toBe(true);
    }
  });
});
