import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./infrastructure";
import { baseEnv, ServiceProcess } from "./service-process";

/**
 * A Redis of the test's own on a free port. A database index would not do: pub/sub channels are shared by every
 * database of a server, so another split stack on the machine's Redis would answer this stack's engine commands.
 */
export async function startPrivateRedis(): Promise<{ url: string; process: ServiceProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "tf-redis-"));
  const redis = new ServiceProcess({
    name: "redis",
    command: "redis-server",
    args: ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    env: baseEnv(),
  });
  try {
    await redis.waitForLine((line) => line.includes("Ready to accept connections"), 10_000, "Redis ready");
  } catch (error) {
    redis.killHard();
    throw new Error(`This suite needs redis-server (Debian package redis-server) to run a Redis of its own: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    process: redis,
    async stop() {
      redis.killHard();
      await redis.waitForExit(10_000).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
