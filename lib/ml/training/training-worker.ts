import { parentPort } from "node:worker_threads";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import { trainModels } from "./trainer";
import type { FromTrainingWorker, ToTrainingWorker } from "./worker-messages";

/**
 * Entry of the training worker thread: trains on the bars it is sent and posts progress, then the output. A cancel
 * message aborts the run's signal; progress yields a macrotask so that message is read between epochs and episodes.
 */
const port = parentPort;
if (!port) throw new Error("training-worker.ts runs as a worker thread (see run-training-in-worker.ts)");

const controller = new AbortController();
const post = (message: FromTrainingWorker) => port.postMessage(message);
const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

port.on("message", (message: ToTrainingWorker) => {
  if (message.type === "cancel") controller.abort();
  else void train(message);
});

async function train(message: Extract<ToTrainingWorker, { type: "start" }>): Promise<void> {
  try {
    const output = await trainModels(message.bars, message.request, {
      signal: controller.signal,
      progress: async (fraction, stage) => {
        post({ type: "progress", fraction, stage });
        await yieldToMessages();
      },
    });
    post({ type: "done", output });
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error), cancelled: error instanceof TrainingCancelled });
  }
}
