import type { RecordedBar } from "@/lib/market/replay/recording";
import { startTsWorker } from "@/lib/runtime/ts-worker";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import type { TrainerHooks, TrainingOutput } from "./trainer";
import type { TrainingRequest } from "./training-request";
import type { FromTrainingWorker, ToTrainingWorker } from "./worker-messages";

const WORKER_ENTRY = new URL("./training-worker.ts", import.meta.url);

/** The worker failed for a reason of its own (bad data, a crash); the run fails with this message. */
export class TrainingFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrainingFailed";
  }
}

/**
 * Runs trainModels in a worker thread, so minutes of CPU never block this process's event loop (the engine's, in
 * embedded mode). Progress is relayed to the hooks; an aborted signal asks the worker to stop at its next epoch or
 * episode, and the promise rejects with TrainingCancelled. The thread always ends when the promise settles.
 */
export function runTrainingInWorker(bars: readonly RecordedBar[], request: TrainingRequest, hooks: TrainerHooks): Promise<TrainingOutput> {
  const worker = startTsWorker(WORKER_ENTRY);
  const send = (message: ToTrainingWorker) => worker.postMessage(message);
  const cancel = () => send({ type: "cancel" });
  hooks.signal.addEventListener("abort", cancel, { once: true });
  let progressChain = Promise.resolve();
  const settled = new Promise<TrainingOutput>((resolve, reject) => {
    worker.on("message", (message: FromTrainingWorker) => {
      if (message.type === "progress") progressChain = progressChain.then(() => hooks.progress(message.fraction, message.stage)).catch(reject);
      else if (message.type === "done") void progressChain.then(() => resolve(message.output));
      else reject(message.cancelled ? new TrainingCancelled(0) : new TrainingFailed(message.message));
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new TrainingFailed(`training worker exited with code ${code}`)));
  });
  send({ type: "start", bars: [...bars], request });
  return settled.finally(() => {
    hooks.signal.removeEventListener("abort", cancel);
    void worker.terminate();
  });
}
