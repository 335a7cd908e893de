type Step = { name: string; run: () => Promise<void> };

/**
 * Graceful shutdown on SIGINT/SIGTERM: steps run in the order registered (stop taking work first, flush, then
 * close connections). A second signal, or the deadline, forces the exit.
 */
export class Shutdown {
  private readonly steps: Step[] = [];
  private started = false;

  constructor(private readonly log: (msg: string, extra?: Record<string, unknown>) => void, private readonly deadlineMs = 15_000) {}

  add(name: string, run: () => Promise<void>): this {
    this.steps.push({ name, run });
    return this;
  }

  listen(): void {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => void this.run(signal));
    }
  }

  async run(reason: string): Promise<void> {
    if (this.started) {
      this.log("second signal: exiting now");
      process.exit(1);
    }
    this.started = true;
    this.log(`shutting down (${reason})`);
    const deadline = setTimeout(() => {
      this.log("shutdown deadline passed: exiting");
      process.exit(1);
    }, this.deadlineMs);
    deadline.unref();
    for (const step of this.steps) {
      try {
        await step.run();
      } catch (error) {
        this.log(`shutdown step ${step.name} failed`, { err: String(error) });
      }
    }
    this.log("shutdown complete");
    await flushOutput();
    process.exit(0);
  }
}

/**
 * Resolves once everything written to stdout and stderr reached its destination. Under PM2's cluster mode both are
 * PM2's asynchronous log file streams, and an exit right after the last line would lose it.
 */
function flushOutput(): Promise<void> {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
  return Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => undefined);
}
