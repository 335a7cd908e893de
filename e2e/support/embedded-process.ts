import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_ADMIN } from "./credentials";

export interface EmbeddedProcess {
  baseURL: string;
  stop(): Promise<void>;
}

/**
 * A second embedded server for one spec (the production build the suite's server already made) on its own port and
 * data directory, with the env the spec needs; resolves once /api/health answers.
 */
export async function startEmbeddedProcess(name: string, port: number, env: Record<string, string>): Promise<EmbeddedProcess> {
  const child = spawn("node_modules/.bin/tsx", ["workers/embedded.ts"], {
    env: {
      ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: mkdtempSync(path.join(tmpdir(), `tradeforge-e2e-${name}-data-`)),
      NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password, ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitForHealth(name, baseURL, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, stop };
}

async function waitForHealth(name: string, baseURL: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${name} server exited with code ${child.exitCode}`);
    const healthy = await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the ${name} server at ${baseURL} did not become healthy within 120 s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}
