import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { baseEnv, ServiceProcess } from "../../tests/services/support/service-process";

/**
 * A Redis of the suite's own on a free port. A database index would not do: pub/sub channels are shared by every
 * database of a server, so another split stack on the machine's Redis (the services suite) would answer this
 * stack's engine commands and feed its gateway.
 */
export async function startPrivateRedis(port: number): Promise<{ url: string; process: ServiceProcess; removeFiles(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "tf-e2e-redis-"));
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
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The nginx e2e suite needs redis-server (Debian package redis-server): ${error instanceof Error ? error.message : String(error)}`);
  }
  return { url: `redis://127.0.0.1:${port}`, process: redis, removeFiles: () => rmSync(dir, { recursive: true, force: true }) };
}
