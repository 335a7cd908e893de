import { collectDefaultMetrics, Gauge, type Registry } from "prom-client";
import { appMetrics } from "./registry";
import { type ProcessName, processName } from "./process-name";

export interface ProcessMetrics {
  up: Gauge<"process">;
}

export const METRIC_PREFIX = "tradeforge_";

/** CPU, memory, event-loop lag, GC and heap from prom-client, plus which process this is. */
export function defineProcessMetrics(registry: Registry): ProcessMetrics {
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const up = new Gauge({ name: "tradeforge_up", help: "1 while this TradeForge process runs, by process kind", labelNames: ["process"], registers: [registry] });
  up.set({ process: processName() }, 1);
  return { up };
}

/** For a process whose entry script does not say what it is. */
export function markProcessUp(name: ProcessName): void {
  const { up } = appMetrics().process;
  up.reset();
  up.set({ process: name }, 1);
}
