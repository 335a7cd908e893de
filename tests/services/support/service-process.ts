import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The repository root: every service is started from here, like `npm start` would. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceOptions {
  name: string;
  /** Executable relative to the repository root, e.g. node_modules/.bin/tsx. */
  command: string;
  args: string[];
  /** The whole environment of the child: nothing leaks in from the test runner. */
  env: Record<string, string>;
}

type LineWaiter = { match: (line: string) => boolean; resolve: (line: string) => void };

const running = new Set<ServiceProcess>();
// A test runner that dies must not leave a worker trading behind it.
process.once("exit", () => {
  for (const service of running) service.killHard();
});

/** The few variables a child needs to find node and its caches; configuration is always explicit. */
export function baseEnv(): Record<string, string> {
  // The simulator unless a suite says otherwise: Bybit (the default feed) is not reachable from CI.
  const env: Record<string, string> = { NEXT_TELEMETRY_DISABLED: "1", MARKET_FEEDS: "sim" };
  for (const name of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * A service started as its own process group, with its output kept line by line. The group matters: tsx runs
 * the script in a child node process, so SIGKILL must reach the whole group, while SIGTERM/SIGINT go to the
 * launcher, which relays them.
 */
export class ServiceProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<ServiceExit>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<LineWaiter>();
  private exit: ServiceExit | undefined;

  constructor(readonly options: ServiceOptions) {
    // Production, as deployed, unless a test says otherwise.
    const env = { NODE_ENV: "production" as const, ...options.env };
    this.child = spawn(options.command, options.args, { cwd: REPO_ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    running.add(this);
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (stream) createInterface({ input: stream }).on("line", (line) => this.onLine(line));
    }
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        resolve(this.exit);
      });
      this.child.on("error", (error) => {
        this.onLine(`spawn failed: ${error.message}`);
        this.exit = { code: -1, signal: null };
        running.delete(this);
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.options.name} has no pid`);
    return this.child.pid;
  }

  get isRunning(): boolean {
    return this.exit === undefined;
  }

  private onLine(line: string): void {
    this.lines.push(line);
    for (const waiter of this.waiters) {
      if (waiter.match(line)) {
        this.waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  }

  /** The last lines of output, for failure messages that say what the service was doing. */
  tail(count = 30): string {
    return this.lines.slice(-count).join("\n");
  }

  /** Resolves with the first line (already seen or still to come) that matches; fails on exit or timeout. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number, what = "the expected line"): Promise<string> {
    const seen = this.lines.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: LineWaiter = { match, resolve: (line) => finish(() => resolve(line)) };
      const fail = (why: string) => finish(() => reject(new Error(`${this.options.name}: ${why} while waiting for ${what}\n--- output ---\n${this.tail()}`)));
      const timer = setTimeout(() => fail(`no match within ${timeoutMs} ms`), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        settle();
      };
      this.waiters.add(waiter);
      void this.exited.then((exit) => fail(`exited (code ${exit.code}, signal ${exit.signal})`));
    });
  }

  /** Waits for a pino JSON line whose msg matches, and returns it parsed. */
  async waitForLog(msg: string | RegExp, timeoutMs: number): Promise<Record<string, unknown>> {
    const matches = (line: string) => {
      const entry = parseJsonLine(line);
      const text = typeof entry?.msg === "string" ? entry.msg : undefined;
      return text !== undefined && (typeof msg === "string" ? text === msg : msg.test(text));
    };
    const line = await this.waitForLine(matches, timeoutMs, `log "${String(msg)}"`);
    return parseJsonLine(line)!;
  }

  /** Sends a signal to the launcher process (tsx relays it to the script). */
  signal(signal: NodeJS.Signals): void {
    if (this.isRunning) process.kill(this.pid, signal);
  }

  /** SIGKILL to the whole process group: the crash of a machine, no handler runs. */
  killHard(): void {
    if (!this.isRunning) return;
    try {
      process.kill(-this.pid, "SIGKILL");
    } catch {
      // Already gone between the check and the kill.
    }
  }

  async waitForExit(timeoutMs: number): Promise<ServiceExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.options.name} did not exit within ${timeoutMs} ms\n${this.tail()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export function parseJsonLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Kills whatever a test file left running, so no stray worker answers the next file's commands. */
export async function stopAllServices(): Promise<void> {
  const left = [...running];
  for (const service of left) service.killHard();
  await Promise.all(left.map((service) => service.waitForExit(10_000).catch(() => undefined)));
}
