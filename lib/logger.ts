import pino from "pino";
import { getConfig } from "@/lib/config";
import { processName } from "@/lib/metrics/process-name";
import { currentRequest } from "@/lib/runtime/request-context";

let root: pino.Logger | undefined;

/** A line written while serving a request names the request and, once known, who made it. */
function requestFields(): Record<string, string> {
  const request = currentRequest();
  if (!request) return {};
  return request.actor ? { requestId: request.requestId, actor: request.actor } : { requestId: request.requestId };
}

/** One JSON logger per process; children carry the component name. */
export function logger(component: string): pino.Logger {
  root ??= pino({ level: getConfig().LOG_LEVEL, base: { pid: process.pid, process: processName() }, mixin: requestFields });
  return root.child({ component });
}
