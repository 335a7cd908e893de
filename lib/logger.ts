import pino from "pino";
import { getConfig } from "@/lib/config";

let root: pino.Logger | undefined;

/** One JSON logger per process; children carry the component name. */
export function logger(component: string): pino.Logger {
  root ??= pino({ level: getConfig().LOG_LEVEL, base: { pid: process.pid } });
  return root.child({ component });
}
