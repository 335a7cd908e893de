import pino from "pino";
import { getConfig } from "@/lib/config";
import { processName } from "@/lib/metrics/process-name";

let root: pino.Logger | undefined;

/** One JSON logger per process; children carry the component name. */
export function logger(component: string): pino.Logger {
  root ??= pino({ level: getConfig().LOG_LEVEL, base: { pid: process.pid, process: processName() } });
  return root.child({ component });
}
