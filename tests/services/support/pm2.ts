import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { REPO_ROOT, parseJsonLine } from "./service-process";

const run = promisify(execFile);
const PM2 = path.join(REPO_ROOT, "node_modules/.bin/pm2");
export const ECOSYSTEM = path.join(REPO_ROOT, "ecosystem.config.cjs");

const processListSchema = z.array(z.object({
  name: z.string(),
  pid: z.number(),
  pm_id: z.number(),
  pm2_env: z.object({ status: z.string(), restart_time: z.number(), exec_mode: z.string() }),
}));

export type Pm2Process = { name: string; pid: number; id: number; status: string; restarts: number; mode: string };

/**
 * The PM2 command line with a daemon of its own: a private PM2_HOME (never the machine's ~/.pm2) and a private log
 * folder, both removed by kill(). Every command gets the same complete environment, which PM2 hands to the apps.
 */
export class Pm2 {
  readonly home = mkdtempSync(path.join(tmpdir(), "tf-pm2-"));
  readonly logDir = path.join(this.home, "app-logs");
  private readonly env: NodeJS.ProcessEnv;
  private readonly killOnExit = () => this.killSync();

  constructor(env: Record<string, string>) {
    if (!existsSync(PM2)) throw new Error(`The PM2 suite needs ${PM2} (the pm2 dependency): run npm ci`);
    this.env = { NODE_ENV: "production", ...env, PM2_HOME: this.home, TRADEFORGE_LOG_DIR: this.logDir };
    // A test runner that dies must not leave a PM2 daemon and its apps behind.
    process.once("exit", this.killOnExit);
  }

  /** Runs `pm2 <args>`; a non-zero exit fails with PM2's own output. */
  async command(...args: string[]): Promise<string> {
    try {
      const { stdout } = await run(PM2, args, { cwd: REPO_ROOT, env: this.env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`pm2 ${args.join(" ")} failed: ${failed.message}\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
    }
  }

  async list(): Promise<Pm2Process[]> {
    const raw: unknown = JSON.parse(await this.command("jlist"));
    return processListSchema.parse(raw).map((p) => ({ name: p.name, pid: p.pid, id: p.pm_id, status: p.pm2_env.status, restarts: p.pm2_env.restart_time, mode: p.pm2_env.exec_mode }));
  }

  async pids(name: string): Promise<number[]> {
    return (await this.list()).filter((p) => p.name === name && p.status === "online").map((p) => p.pid).sort((a, b) => a - b);
  }

  /** The pino JSON lines an app wrote to its log file (cluster instances share one). */
  logLines(name: string): Record<string, unknown>[] {
    const file = path.join(this.logDir, `${name}.log`);
    if (!existsSync(file)) return [];
    return readFileSync(file, "utf8").split("\n").map(parseJsonLine).filter((entry) => entry !== undefined);
  }

  /** The last lines of an app's output and errors, for failure messages. */
  tail(name: string, count = 20): string {
    return ["log", "error.log"].map((suffix) => {
      const file = path.join(this.logDir, `${name}.${suffix}`);
      const lines = existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n") : [];
      return `--- ${name}.${suffix} ---\n${lines.slice(-count).join("\n")}`;
    }).join("\n");
  }

  /** Stops every app (each drains on SIGINT), ends the daemon and removes its home. */
  async kill(): Promise<void> {
    process.removeListener("exit", this.killOnExit);
    await this.command("kill").catch(() => undefined);
    rmSync(this.home, { recursive: true, force: true });
  }

  private killSync(): void {
    try {
      execFileSync(PM2, ["kill"], { cwd: REPO_ROOT, env: this.env, stdio: "ignore", timeout: 60_000 });
    } catch {
      // Nothing more can be done while the runner exits.
    }
  }
}
