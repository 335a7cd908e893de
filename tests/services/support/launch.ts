import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REDIS_URL } from "./infrastructure";
import { baseEnv, REPO_ROOT, ServiceProcess } from "./service-process";

const TSX = "node_modules/.bin/tsx";
const NEXT = "node_modules/.bin/next";

/** Settings that make the worker trade within seconds: 1 s bars, short averages, fast heartbeats. */
export const FAST_TRADING_ENV: Readonly<Record<string, string>> = {
  SIM_TICKS_PER_SECOND: "200",
  STRATEGY_INTERVAL: "1s",
  STRATEGY_FAST: "2",
  STRATEGY_SLOW: "3",
  STRATEGY_NOTIONAL: "500",
  HEARTBEAT_INTERVAL_MS: "500",
  SNAPSHOT_INTERVAL_MS: "1000",
  LOG_LEVEL: "info",
  HOST: "127.0.0.1",
  ACCOUNT_ID: "demo",
  INITIAL_CASH: "100000",
  MAX_POSITION_SIZE: "0.5",
  // These suites fire orders fast, repeat them and rest limits far from the market on purpose; the risk suites test the limits.
  MAX_TOTAL_POSITION_SIZE: "1",
  PRICE_COLLAR: "0.99",
  DUPLICATE_WINDOW_MS: "0",
  MAX_ORDERS_PER_MINUTE: "100000",
};

/** The secrets split mode requires, and the first admin the worker creates. */
export const AUTH_ENV: Readonly<Record<string, string>> = {
  AUTH_SECRET: "services-test-secret-services-test-secret",
  ENCRYPTION_KEY: "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100",
  ADMIN_EMAIL: "admin@example.test",
  ADMIN_PASSWORD: "admin-password-for-tests",
};

/** The split-mode environment every process of one stack shares. */
export function splitEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...baseEnv(), ...FAST_TRADING_ENV, ...AUTH_ENV, DATABASE_URL: databaseUrl, REDIS_URL, ...extra };
}

/** Starts `tsx workers/engine.ts --migrate`; resolves once it logged "worker ready". */
export async function startWorker(env: Record<string, string>, timeoutMs = 60_000): Promise<ServiceProcess> {
  const worker = launchWorker(env);
  await worker.waitForLog("worker ready", timeoutMs);
  return worker;
}

/** The worker process without waiting for it, for configurations that must make it exit. */
export function launchWorker(env: Record<string, string>): ServiceProcess {
  return new ServiceProcess({ name: "worker", command: TSX, args: ["workers/engine.ts", "--migrate"], env });
}

export async function startRealtime(env: Record<string, string>, port: number, timeoutMs = 60_000): Promise<ServiceProcess> {
  const gateway = new ServiceProcess({ name: "realtime", command: TSX, args: ["workers/realtime.ts"], env: { ...env, REALTIME_PORT: String(port) } });
  await gateway.waitForLine((line) => line.includes("realtime gateway ready"), timeoutMs, "realtime gateway ready");
  return gateway;
}

/** `next start` on the production build; resolves once Next.js says Ready. */
export async function startWeb(env: Record<string, string>, port: number, timeoutMs = 90_000): Promise<ServiceProcess> {
  const web = new ServiceProcess({ name: "web", command: NEXT, args: ["start", "-p", String(port), "-H", "127.0.0.1"], env: { ...env, PORT: String(port), NEXT_MANUAL_SIG_HANDLE: "true" } });
  await web.waitForLine((line) => /\bReady\b/.test(line), timeoutMs, "Next.js Ready");
  return web;
}

/** CI builds before the suite; a fresh checkout gets one build here, so `next start` has something to serve. */
export async function ensureProductionBuild(): Promise<void> {
  if (existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(NEXT, ["build"], { cwd: REPO_ROOT, env: { ...baseEnv(), NODE_ENV: "production" }, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))));
  });
}
