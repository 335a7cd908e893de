import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Logger } from "pino";
import type { Config } from "@/lib/config";
import type { DatabaseHandle } from "@/lib/db/client";
import type { BarAggregator } from "@/lib/market/bar-aggregator";
import type { Portfolio } from "@/lib/portfolio/portfolio";
import { writeSnapshot } from "./persistence/account-store";
import { writeHeartbeat } from "./persistence/heartbeat";

export interface HousekeepingDeps {
  database: DatabaseHandle;
  config: Config;
  accountId: string;
  instance: string;
  portfolio: Portfolio;
  aggregator: BarAggregator;
  log: Logger;
  status: () => Record<string, unknown>;
  /** Told when the event loop's p99 delay over the last heartbeat exceeds SLOW_LOOP_P99_MS. */
  onSlowEventLoop?: (p99Ms: number) => void;
}

/** Ticks wait behind a blocked loop: past this p99 delay the engine is degraded (prints are processed late). */
export const SLOW_LOOP_P99_MS = 250;

/** Periodic work: close bars of quiet markets, snapshot equity for the curve, and prove liveness. */
export function startHousekeeping(deps: HousekeepingDeps): { stop(): Promise<void> } {
  const { database, config, accountId, portfolio, log } = deps;
  const safely = (name: string, job: () => Promise<unknown>) => () => void job().catch((error: unknown) => log.warn({ err: error }, `${name} failed`));
  const snapshot = () => writeSnapshot(database.db, {
    accountId, ts: Date.now(), equity: portfolio.equity().toFixed(), cash: portfolio.cash().toFixed(),
    unrealizedPnl: portfolio.unrealizedPnl().toFixed(), realizedPnl: portfolio.realizedPnl().toFixed(),
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const heartbeat = (state: string) => {
    const eventLoopP99Ms = loopDelay.percentile(99) / 1e6;
    loopDelay.reset();
    if (eventLoopP99Ms > SLOW_LOOP_P99_MS) deps.onSlowEventLoop?.(eventLoopP99Ms);
    return writeHeartbeat(database.db, "engine", deps.instance, { state, eventLoopP99Ms, ...deps.status() });
  };
  const timers = [
    setInterval(() => deps.aggregator.closeDue(Date.now()), 1_000),
    setInterval(safely("account snapshot", snapshot), config.SNAPSHOT_INTERVAL_MS),
    setInterval(safely("heartbeat", () => heartbeat("running")), config.HEARTBEAT_INTERVAL_MS),
  ];
  safely("account snapshot", snapshot)();
  safely("heartbeat", () => heartbeat("running"))();
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      loopDelay.disable();
      await snapshot().catch(() => undefined);
      await heartbeat("stopped").catch(() => undefined);
    },
  };
}
