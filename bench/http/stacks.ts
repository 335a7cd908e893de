import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApiKey } from "@/lib/auth/api-key-store";
import { findUserByEmail } from "@/lib/auth/user-store";
import { createPglite } from "@/lib/db/client";
import { adminApiKey } from "@/tests/services/support/credentials";
import { createTestDatabase, eventually, freePort, requireRedis, type TestDatabase } from "@/tests/services/support/infrastructure";
import { AUTH_ENV, splitEnv, startWorker } from "@/tests/services/support/launch";
import { ECOSYSTEM, Pm2 } from "@/tests/services/support/pm2";
import { baseEnv, ServiceProcess } from "@/tests/services/support/service-process";

/** A load test is not abuse: the limiters still run on every request, they just never refuse one. */
const UNLIMITED = { API_RATE_LIMIT_PER_MINUTE: "100000000", IP_RATE_LIMIT_PER_MINUTE: "100000000" };

/** A running deployment under test: where to send requests and the API key that reads from it. */
export interface Stack {
  name: string;
  baseUrl: string;
  apiKey: string;
  stop(): Promise<void>;
}

async function healthy(baseUrl: string): Promise<true | undefined> {
  const response = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
  return response?.status === 200 ? true : undefined;
}

/** `npm start`'s own launcher on a fresh data directory, with the default logging of a real start. */
export async function startEmbeddedStack(): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tf-bench-http-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...baseEnv(), ...AUTH_ENV, ...UNLIMITED, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir };
  const launch = async () => {
    const app = new ServiceProcess({ name: "embedded", command: "node_modules/.bin/tsx", args: ["workers/embedded.ts"], env });
    await eventually(() => healthy(baseUrl), 180_000, "the embedded app to be healthy", 500);
    return app;
  };
  // PGlite allows one process per data directory: the key is written between a first start (which creates the admin) and the measured one.
  const first = await launch();
  first.signal("SIGINT");
  await first.waitForExit(60_000);
  const apiKey = await pgliteApiKey(path.join(dataDir, "pglite"));
  const app = await launch();
  return {
    name: "embedded", baseUrl, apiKey,
    async stop() {
      app.signal("SIGINT");
      await app.waitForExit(60_000).catch(() => app.killHard());
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function pgliteApiKey(pgliteDir: string): Promise<string> {
  const database = await createPglite(pgliteDir);
  try {
    const admin = await findUserByEmail(database.db, AUTH_ENV.ADMIN_EMAIL!);
    if (!admin) throw new Error("the embedded app did not create its first admin");
    return (await createApiKey(database.db, { userId: admin.id, name: "http benchmark", scopes: ["read", "trade"] })).key;
  } finally {
    await database.close();
  }
}

/** Split mode: the worker on PostgreSQL and Redis, and the web tier as PM2's cluster of `webInstances` processes. */
export async function startSplitStack(webInstances: number): Promise<Stack> {
  await requireRedis();
  const database: TestDatabase = await createTestDatabase("tf_bench_http");
  const env = splitEnv(database.url, { ...UNLIMITED, LOG_LEVEL: "info", SIM_TICKS_PER_SECOND: "20", STRATEGY_INTERVAL: "1m", HEARTBEAT_INTERVAL_MS: "1000" });
  const worker = await startWorker(env);
  const port = await freePort();
  const pm2 = new Pm2({ ...env, PORT: String(port), HOST: "127.0.0.1", WEB_INSTANCES: String(webInstances) });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await pm2.kill();
    worker.signal("SIGTERM");
    await worker.waitForExit(60_000).catch(() => worker.killHard());
    await database.drop();
  };
  try {
    await pm2.command("start", ECOSYSTEM, "--only", "web");
    await eventually(() => healthy(baseUrl), 120_000, "the PM2 web cluster to be healthy", 500);
    return { name: `split, ${webInstances} web`, baseUrl, apiKey: await adminApiKey(database.url, ["read", "trade"]), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
