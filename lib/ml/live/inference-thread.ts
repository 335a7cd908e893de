import type { Worker } from "node:worker_threads";
import type { Bar } from "@/lib/domain/market-data";
import type { StoredEnsemble } from "@/lib/ml/inference/load-ensemble";
import { startTsWorker } from "@/lib/runtime/ts-worker";
import type { LiveCall, LiveRole, LiveVersion } from "./live-call";
import type { FromInferenceThread, ToInferenceThread } from "./inference-messages";

const WORKER_ENTRY = new URL("./inference-worker.ts", import.meta.url);

/** The inference thread stopped (crashed, or closed with the engine): its pending answers fail with this. */
export class InferenceThreadGone extends Error {
  constructor(why: string) {
    super(`The inference thread is gone: ${why}`);
    this.name = "InferenceThreadGone";
  }
}

type Pending = { resolve: (message: FromInferenceThread) => void; reject: (error: Error) => void };

/**
 * The engine's side of the inference thread. Messages are handled in the order sent, so a version loaded before a
 * bar sees that bar. Each bar costs this thread one postMessage; the models' CPU is spent on another core.
 */
export class InferenceThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private gone: InferenceThreadGone | null = null;

  constructor(onGone: (error: Error) => void) {
    this.worker = startTsWorker(WORKER_ENTRY);
    this.worker.unref();
    this.worker.on("message", (message: FromInferenceThread) => this.settle(message));
    this.worker.on("error", (error) => this.fail(new InferenceThreadGone(error.message), onGone));
    this.worker.on("exit", (code) => this.fail(new InferenceThreadGone(`exited with code ${code}`), onGone));
  }

  get alive(): boolean {
    return this.gone === null;
  }

  async load(version: LiveVersion, stored: StoredEnsemble, history: Bar[]): Promise<{ missingWarmupBars: number }> {
    const reply = await this.ask((seq) => ({ type: "load", seq, version, stored, history }));
    if (reply.type !== "loaded") throw new Error(reply.type === "failed" ? reply.message : `unexpected ${reply.type}`);
    return { missingWarmupBars: reply.missingWarmupBars };
  }

  async onBar(bar: Bar): Promise<LiveCall[]> {
    const reply = await this.ask((seq) => ({ type: "bar", seq, bar }));
    if (reply.type !== "calls") throw new Error(reply.type === "failed" ? reply.message : `unexpected ${reply.type}`);
    return reply.calls;
  }

  unload(id: string): void {
    this.send({ type: "unload", id });
  }

  setRole(id: string, role: LiveRole): void {
    this.send({ type: "role", id, role });
  }

  async close(): Promise<void> {
    this.fail(new InferenceThreadGone("closed"), () => undefined);
    await this.worker.terminate();
  }

  private ask(message: (seq: number) => ToInferenceThread): Promise<FromInferenceThread> {
    if (this.gone) return Promise.reject(this.gone);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.send(message(seq));
    });
  }

  private send(message: ToInferenceThread): void {
    if (!this.gone) this.worker.postMessage(message);
  }

  private settle(message: FromInferenceThread): void {
    const pending = this.pending.get(message.seq);
    this.pending.delete(message.seq);
    pending?.resolve(message);
  }

  private fail(error: InferenceThreadGone, onGone: (error: Error) => void): void {
    if (this.gone) return;
    this.gone = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    onGone(error);
  }
}
