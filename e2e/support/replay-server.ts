import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_ADMIN } from "./credentials";
import { writeLegsTradesFile } from "./replay-recording";

export interface ReplayServer {
  baseURL: string;
  symbol: string;
  stop(): Promise<void>;
}

/**
 * A second embedded server (the production build the suite's server already made) trading only a replayed
 * recording, sixty bars a second faster than life: what a spec needs to see models act on closed bars in seconds.
 */
export async function startReplayServer(port: number, symbol: string): Promise<ReplayServer> {
  const child = spawn("node_modules/.bin/tsx", ["workers/embedded.ts"], {
    env: {
      ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: mkdtempSync(path.join(tmpdir(), "tradeforge-e2e-replay-data-")),
      MARKET_FEEDS: "replay", REPLAY_FILE: writeLegsTradesFile(6_000), REPLAY_SYMBOL: symbol, REPLAY_SPEED: "600", REPLAY_LOOP: "true",
      NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(baseURL, child);
  return { baseURL, symbol, stop: () => stopChild(child) };
}

async function waitForHealth(baseURL: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the replay server exited with code ${child.exitCode}`);
    const healthy = await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the replay server at ${baseURL} did not become healthy within 120 s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}
