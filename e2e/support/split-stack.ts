import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import path from "node:path";
import { type LocalNginx, startLocalNginx } from "../../tests/support/nginx-local";
import { freePort } from "../../tests/services/support/infrastructure";
import { startRealtime, startWeb, startWorker } from "../../tests/services/support/launch";
import { baseEnv, ServiceProcess } from "../../tests/services/support/service-process";
import { E2E_ADMIN } from "./credentials";
import { dropDatabase, recreateDatabase } from "./fresh-database";
import { startPrivateRedis } from "../../tests/services/support/private-redis";

const TSX = "node_modules/.bin/tsx";

export interface SplitStackOptions {
  /** The port browsers use: nginx's HTTPS server on 127.0.0.1 (https://localhost:<port>). */
  httpsPort: number;
  databaseName: string;
  /** Where each process's output is written when the stack stops. */
  logDir: string;
}

export interface SplitStack {
  publicUrl: string;
  /** Stops everything; fails when a process had died while the suite ran. */
  stop(): Promise<void>;
}

/** What every process of the stack shares; trading settings as the embedded e2e server has them. */
function stackEnv(databaseUrl: string, redisUrl: string, publicUrl: string): Record<string, string> {
  return {
    ...baseEnv(), DATABASE_URL: databaseUrl, REDIS_URL: redisUrl,
    // https here turns on Secure session cookies and tells the gateway which origin its browsers come from.
    PUBLIC_URL: publicUrl, HOST: "127.0.0.1", LOG_LEVEL: "info", METRICS_PORT: "0",
    AUTH_SECRET: randomBytes(32).toString("base64"), ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password,
    SIM_TICKS_PER_SECOND: "20", PRICE_COLLAR: "0.6",
  };
}

async function runScript(name: string, script: string, env: Record<string, string>): Promise<void> {
  const run = new ServiceProcess({ name, command: TSX, args: [script], env });
  const exit = await run.waitForExit(120_000);
  if (exit.code !== 0) throw new Error(`${name} failed (exit ${exit.code}, signal ${exit.signal})\n${run.tail()}`);
}

async function startJobs(env: Record<string, string>): Promise<ServiceProcess> {
  const jobs = new ServiceProcess({ name: "jobs", command: TSX, args: ["workers/jobs.ts"], env });
  await jobs.waitForLog("jobs ready", 60_000);
  return jobs;
}

/** SIGTERM as a process manager would send it; SIGKILL when the graceful stop hangs. */
async function stopService(service: ServiceProcess): Promise<void> {
  service.signal("SIGTERM");
  try {
    await service.waitForExit(15_000);
  } catch {
    service.killHard();
    await service.waitForExit(5_000).catch(() => undefined);
  }
}

function statusThroughProxy(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = httpsRequest(url, { rejectUnauthorized: false, timeout: 5_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

async function waitForHealthyThroughProxy(publicUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let status = 0;
  while (Date.now() < deadline) {
    status = await statusThroughProxy(`${publicUrl}/api/health`);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${publicUrl}/api/health answered ${status} instead of 200 within ${timeoutMs} ms`);
}

/** Cleanup steps run last-in first-out; every step runs even when an earlier one fails. */
class Cleanup {
  private readonly steps: Array<() => Promise<void>> = [];
  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }
  async run(): Promise<unknown[]> {
    const errors: unknown[] = [];
    for (const step of this.steps.reverse()) await step().catch((error: unknown) => errors.push(error));
    this.steps.length = 0;
    return errors;
  }
}

/** nginx removes its directory when it stops: its logs are copied out first. */
function saveNginxLogs(logDir: string, nginx: LocalNginx | undefined): void {
  mkdirSync(logDir, { recursive: true });
  for (const file of ["error.log", "access.log"]) {
    if (nginx && existsSync(path.join(nginx.dir, file))) copyFileSync(path.join(nginx.dir, file), path.join(logDir, `nginx-${file}`));
  }
}

/** Written after the stop, so each file ends with how the process shut down. */
function saveServiceLogs(logDir: string, services: readonly ServiceProcess[]): void {
  mkdirSync(logDir, { recursive: true });
  for (const service of services) writeFileSync(path.join(logDir, `${service.options.name}.log`), `${service.lines.join("\n")}\n`);
}

/**
 * The split deployment as production runs it, behind deploy/nginx.conf: a fresh PostgreSQL database migrated and
 * seeded, a Redis of its own, the worker, realtime gateway, jobs process and `next start`, and nginx terminating TLS
 * with a self-signed certificate. Resolves once /api/health answers 200 through nginx.
 */
export async function startSplitStack(options: SplitStackOptions): Promise<SplitStack> {
  const publicUrl = `https://localhost:${options.httpsPort}`;
  const cleanup = new Cleanup();
  const services: ServiceProcess[] = [];
  let nginx: LocalNginx | undefined;
  const running = (service: ServiceProcess) => {
    services.push(service);
    cleanup.add(() => stopService(service));
    return service;
  };
  try {
    const databaseUrl = await recreateDatabase(options.databaseName);
    cleanup.add(() => dropDatabase(options.databaseName));
    const redis = await startPrivateRedis();
    cleanup.add(() => redis.stop());
    running(redis.process);
    const env = stackEnv(databaseUrl, redis.url, publicUrl);
    await runScript("db-migrate", "scripts/db-migrate.ts", env);
    await runScript("db-seed", "scripts/db-seed.ts", env);
    // The worker creates the first admin; the others start once it has.
    running(await startWorker(env));
    const ports = { http: await freePort(), https: options.httpsPort, web: await freePort(), realtime: await freePort() };
    const started = await Promise.allSettled([startRealtime(env, ports.realtime), startJobs(env), startWeb(env, ports.web)]);
    for (const result of started) if (result.status === "fulfilled") running(result.value);
    const failed = started.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
    nginx = await startLocalNginx(ports);
    const proxy = nginx;
    cleanup.add(() => proxy.stop());
    await waitForHealthyThroughProxy(publicUrl, 60_000);
  } catch (error) {
    saveNginxLogs(options.logDir, nginx);
    await cleanup.run();
    saveServiceLogs(options.logDir, services);
    throw error;
  }
  return {
    publicUrl,
    async stop() {
      const died = services.filter((service) => !service.isRunning);
      saveNginxLogs(options.logDir, nginx);
      const errors = await cleanup.run();
      saveServiceLogs(options.logDir, services);
      if (died.length > 0) {
        const reports = await Promise.all(died.map(async (service) => {
          const exit = await service.exited;
          return `${service.options.name} exited (code ${exit.code}, signal ${exit.signal}) while the suite ran:\n${service.tail()}`;
        }));
        throw new Error(reports.join("\n\n"));
      }
      if (errors.length > 0) throw new AggregateError(errors, "the split stack did not stop cleanly");
    },
  };
}
