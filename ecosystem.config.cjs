/**
 * PM2 process file for split mode on one host: `pm2 start ecosystem.config.cjs` after `npm ci && npm run build` and
 * `npm run db:migrate && npm run db:seed`, with DATABASE_URL, REDIS_URL, AUTH_SECRET and ENCRYPTION_KEY exported.
 *
 * - web: `next start` in cluster mode, WEB_INSTANCES processes (default 2) sharing PORT (default 3000).
 * - worker: the trading engine, exactly one process (two would trade the same account twice).
 * - realtime: the Socket.IO gateway, fork mode (its polling transport needs every request of a client on one process).
 * - jobs: the BullMQ processors.
 *
 * PM2 stops a process with SIGINT and kills it KILL_TIMEOUT_MS later; every process drains on SIGINT/SIGTERM and
 * exits on its own well before that (lib/runtime/shutdown.ts, lib/runtime/web-process.ts).
 */
const path = require("node:path");

const ROOT = __dirname;
const WEB_INSTANCES = positiveInteger("WEB_INSTANCES", 2);
const PORT = positiveInteger("PORT", 3000);
// The processes give themselves 15 s (Shutdown's deadline); PM2's SIGKILL comes only after that.
const KILL_TIMEOUT_MS = 20_000;
// Logs are pino JSON lines, one file per app (cluster instances share one), where promtail reads them.
const LOG_DIR = process.env.TRADEFORGE_LOG_DIR || path.join(ROOT, ".data", "logs");

function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a positive integer, received "${raw}"`);
  return value;
}

function logFiles(name) {
  return { out_file: path.join(LOG_DIR, `${name}.log`), error_file: path.join(LOG_DIR, `${name}.error.log`), merge_logs: true, time: false };
}

/**
 * How PM2 runs every app. wait_ready: `pm2 start`, `restart` and `reload` wait until the process says it is ready
 * (lib/runtime/process-ready.ts; the web from instrumentation.ts), so a reload stops an old web process only once
 * its replacement serves.
 */
const MANAGED = {
  cwd: ROOT,
  kill_timeout: KILL_TIMEOUT_MS,
  wait_ready: true,
  listen_timeout: 60_000,
  autorestart: true,
  max_restarts: 10,
  min_uptime: 10_000,
};

/** A TypeScript entry point run by node with the tsx loader: one process, so PM2's signal reaches the code itself. */
function tsProcess(name, script) {
  return {
    name,
    script: process.execPath,
    args: ["--import", "tsx", script],
    interpreter: "none",
    exec_mode: "fork",
    instances: 1,
    ...MANAGED,
    env: { NODE_ENV: "production" },
    ...logFiles(name),
  };
}

const web = {
  name: "web",
  script: path.join(ROOT, "node_modules/next/dist/bin/next"),
  args: ["start", "-p", String(PORT), ...(process.env.HOST ? ["-H", process.env.HOST] : [])],
  exec_mode: "cluster",
  instances: WEB_INSTANCES,
  ...MANAGED,
  // The web drains on its own (lib/runtime/http-drain.ts) instead of Next.js dropping idle keep-alive connections at once.
  env: { NODE_ENV: "production", PORT: String(PORT), NEXT_MANUAL_SIG_HANDLE: "true" },
  ...logFiles("web"),
};

module.exports = {
  apps: [web, tsProcess("worker", "workers/engine.ts"), tsProcess("realtime", "workers/realtime.ts"), tsProcess("jobs", "workers/jobs.ts")],
};
