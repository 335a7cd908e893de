import { parentPort } from "node:worker_threads";
import type { FromInferenceThread, ToInferenceThread } from "./inference-messages";
import { LivePredictors } from "./live-predictors";

/** Entry of the inference thread (see inference-thread.ts): the ensembles run here, off the engine's event loop. */
const port = parentPort;
if (!port) throw new Error("inference-worker.ts runs as a worker thread (see inference-thread.ts)");

const predictors = new LivePredictors();
const post = (message: FromInferenceThread) => port.postMessage(message);

port.on("message", (message: ToInferenceThread) => {
  try {
    if (message.type === "load") post({ type: "loaded", seq: message.seq, ...predictors.load(message.version, message.stored, message.history) });
    else if (message.type === "bar") post({ type: "calls", seq: message.seq, calls: predictors.onBar(message.bar) });
    else if (message.type === "unload") predictors.unload(message.id);
    else predictors.setRole(message.id, message.role);
  } catch (error) {
    if ("seq" in message) post({ type: "failed", seq: message.seq, message: error instanceof Error ? error.message : String(error) });
  }
});
