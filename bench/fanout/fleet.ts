import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ChildMessage, FleetConnect, ParentMessage } from "./fleet-protocol";

const ENTRY = fileURLToPath(new URL("./client-fleet.ts", import.meta.url));

type Reply<T extends ChildMessage["type"]> = Extract<ChildMessage, { type: T }>;

/** The parent's handle on the client fleet process: connect, arm, await completion, collect receipts. */
export class ClientFleet {
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
  private request<T extends ChildMessage["type"]>(message: ParentMessage | undefined, reply: T, timeoutMs: number): Promise<Reply<T>> {
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

  connect(command: Omit<FleetConnect, "type">): Promise<Reply<"connected">> {
    return this.request({ type: "connect", ...command }, "connected", 60_000);
  }

  /** Resolves with a promise for the moment every client holds every armed tick. */
  async arm(firstSeq: number, count: number, completeWithinMs: number): Promise<{ complete: Promise<unknown> }> {
    const complete = this.request(undefined, "complete", completeWithinMs);
    complete.catch(() => undefined);
    await this.request({ type: "arm", firstSeq, count }, "armed", 10_000);
    return { complete };
  }

  collect(): Promise<Reply<"receipts">> {
    return this.request({ type: "collect" }, "receipts", 30_000);
  }

  /** Ends the fleet process, and with it every connection. */
  close(): void {
    this.child.removeAllListeners("exit");
    this.child.kill();
  }
}
