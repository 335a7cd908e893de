import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ChildMessage, FleetConnect, FleetLibrary, ParentMessage } from "./fleet-protocol";

const ENTRY = fileURLToPath(new URL("./client-fleet.ts", import.meta.url));

type Reply<T extends ChildMessage["type"]> = Extract<ChildMessage, { type: T }>;

/** The parent's handle on one client fleet process: connect, arm, await completion, collect receipts. */
class FleetProcess {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<ChildMessage["type"], (message: ChildMessage) => void>();
  private failure: Error | undefined;

  constructor() {
    // "advanced" serialization carries the Float64Array of receipts as it is, not as JSON.
    this.child = fork(ENTRY, [], { execArgv: ["--import", "tsx"], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.child.on("message", (message: ChildMessage) => this.onMessage(message));
    this.child.on("exit", (code) => this.fail(new Error(`client fleet exited (${code})`)));
  }

  private onMessage(message: ChildMessage): void {
    if (message.type === "error") return this.fail(new Error(`client fleet: ${message.message}`));
    const resolve = this.waiting.get(message.type);
    this.waiting.delete(message.type);
    resolve?.(message);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const resolve of this.waiting.values()) resolve({ type: "error", message: error.message });
    this.waiting.clear();
  }

  /** Sends a command and resolves with the reply of the given type (rejects when the fleet fails or times out). */
  request<T extends ChildMessage["type"]>(message: ParentMessage | undefined, reply: T, timeoutMs: number): Promise<Reply<T>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reply);
        reject(new Error(`client fleet: no ${reply} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(reply, (answer) => {
        clearTimeout(timer);
        if (answer.type === "error") reject(new Error(answer.message));
        else resolve(answer as Reply<T>);
      });
      if (message) this.child.send(message);
    });
  }

  /** Ends the fleet process, and with it every connection. */
  close(): void {
    this.child.removeAllListeners("exit");
    this.child.kill();
  }
}

/** What the fleet processes recorded during one block, client-major over all processes (client 0: the reference). */
export interface FleetReceipts {
  received: Float64Array;
  stray: number;
  cpuMs: number;
  sameLastTick: boolean | undefined;
}

/** One side's clients, spread over `processes` fleet processes; the first one holds the reference client. */
export class ClientFleet {
  private readonly processes: FleetProcess[];

  constructor(
    processes: number,
    readonly library: FleetLibrary,
  ) {
    this.processes = Array.from({ length: processes }, () => new FleetProcess());
  }

  /** Opens `clients` connections in all, split evenly; resolves with the seconds the slowest process took. */
  async connect(command: Omit<FleetConnect, "type" | "withReference" | "library">): Promise<number> {
    const share = (i: number) => Math.floor(command.clients / this.processes.length) + (i < command.clients % this.processes.length ? 1 : 0);
    const replies = await Promise.all(
      this.processes.map((p, i) => p.request({ type: "connect", ...command, clients: share(i), library: this.library, withReference: i === 0 }, "connected", 60_000)),
    );
    return Math.max(...replies.map((r) => r.seconds));
  }

  /** Resolves with a promise for the moment every client holds every armed tick. */
  async arm(firstSeq: number, count: number, completeWithinMs: number): Promise<{ complete: Promise<unknown> }> {
    const complete = Promise.all(this.processes.map((p) => p.request(undefined, "complete", completeWithinMs)));
    complete.catch(() => undefined);
    await Promise.all(this.processes.map((p) => p.request({ type: "arm", firstSeq, count }, "armed", 10_000)));
    return { complete };
  }

  async collect(): Promise<FleetReceipts> {
    const parts = await Promise.all(this.processes.map((p) => p.request({ type: "collect" }, "receipts", 30_000)));
    const received = new Float64Array(parts.reduce((n, part) => n + part.received.length, 0));
    let offset = 0;
    for (const part of parts) {
      received.set(part.received, offset);
      offset += part.received.length;
    }
    const sum = (pick: (part: Reply<"receipts">) => number) => parts.reduce((n, part) => n + pick(part), 0);
    return { received, stray: sum((p) => p.stray), cpuMs: sum((p) => p.cpuMs), sameLastTick: parts[0].sameLastTick };
  }

  close(): void {
    for (const p of this.processes) p.close();
  }
}
