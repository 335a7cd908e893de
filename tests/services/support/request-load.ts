import { sleep } from "./infrastructure";

export interface RequestOutcome {
  /** What the test was doing when the request was sent (set with `phase`). */
  phase: string;
  path: string;
  sentAt: number;
  ms: number;
  status?: number;
  /** The body of any answer other than 200, parsed when it is JSON. */
  body?: unknown;
  /** The connection failed or timed out: no answer at all. */
  error?: string;
}

export interface LoadTarget {
  path: string;
  /** Concurrent clients, each sending its next request once the last one was answered. */
  clients: number;
  apiKey?: string;
}

/**
 * A steady request load on one origin, every outcome kept with the phase it was sent in. Clients use fetch's
 * keep-alive connections, as browsers and programs do, so a server that drops a connection under them shows.
 */
export class RequestLoad {
  readonly outcomes: RequestOutcome[] = [];
  phase = "start";
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(private readonly baseUrl: string, private readonly pauseMs = 20, private readonly timeoutMs = 10_000) {}

  start(targets: readonly LoadTarget[]): void {
    this.running = true;
    for (const target of targets) {
      for (let i = 0; i < target.clients; i++) this.loops.push(this.client(target));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Resolves once a request sent after `since` to `path` was answered with `status`. */
  async waitForStatus(path: string, status: number, since: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.outcomes.some((o) => o.path === path && o.sentAt >= since && o.status === status)) {
      if (Date.now() > deadline) throw new Error(`No ${status} from ${path} within ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  private async client(target: LoadTarget): Promise<void> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
    while (this.running) {
      this.outcomes.push(await this.send(target.path, headers));
      await sleep(this.pauseMs);
    }
  }

  private async send(path: string, headers: Record<string, string>): Promise<RequestOutcome> {
    const phase = this.phase;
    const sentAt = Date.now();
    try {
      const response = await fetch(new URL(path, this.baseUrl), { headers, signal: AbortSignal.timeout(this.timeoutMs) });
      const text = await response.text();
      const outcome: RequestOutcome = { phase, path, sentAt, ms: Date.now() - sentAt, status: response.status };
      if (response.status !== 200) outcome.body = parseOrText(text);
      return outcome;
    } catch (error) {
      return { phase, path, sentAt, ms: Date.now() - sentAt, error: describe(error) };
    }
  }
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 300);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message}: ${cause.code ?? cause.message}` : `${error.name}: ${error.message}`;
}
