import type { Logger } from "pino";
import type { Config } from "@/lib/config";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import type { Portfolio } from "@/lib/portfolio/portfolio";
import { defaultRiskLimits } from "@/lib/risk/default-limits";
import { closingOrders } from "@/lib/risk/realtime/closing-orders";
import { RiskController } from "@/lib/risk/realtime/risk-controller";
import type { RiskTransition } from "@/lib/risk/realtime/risk-levels";
import { RiskMonitor } from "@/lib/risk/realtime/risk-monitor";
import type { LivePublisher } from "./live-publisher";
import type { OrderRouter } from "./order-router";
import { startOfDayEquity } from "./persistence/account-store";
import { loadRiskLimits } from "./persistence/risk-limits-store";
import { loadActivePauses, savePause } from "./persistence/risk-pauses-store";
import { loadEquityMarks, loadRiskState, recordRiskEvent, saveEquityMarks, saveRiskState } from "./persistence/risk-store";
import { RiskState } from "./risk-state";

export interface RiskLoop {
  risk: RiskState;
  monitor: RiskMonitor;
  /** The controller acts through the router (cancel all, flatten), so it is attached once the router exists. */
  attach(deps: { router: OrderRouter; publisher: LivePublisher; onTrip?: (transition: RiskTransition) => void }): RiskController;
  /** Waits for the equity baselines still being written. */
  saved(): Promise<unknown>;
}

/** The real-time risk loop restored from the database: state, limits, pauses and the equity baselines. */
export async function loadRiskLoop(params: { db: Database; config: Config; accountId: string; portfolio: Portfolio; log: Logger }): Promise<RiskLoop> {
  const { db, config, accountId, portfolio, log } = params;
  const stored = await loadRiskState(db, accountId);
  const limits = await loadRiskLimits(db, accountId, defaultRiskLimits(config));
  const risk = new RiskState(accountId, limits, stored.state, stored.reason, stored.updatedAt);
  for (const pause of await loadActivePauses(db, accountId, Date.now())) risk.pauses.add(pause);
  const saveQuietly = (what: string, write: () => Promise<unknown>) => void write().catch((error: unknown) => log.error({ err: error }, `failed to save ${what}`));
  let marksSaved: Promise<unknown> = Promise.resolve();
  let controller: RiskController | null = null;
  const monitor = new RiskMonitor({
    risk, portfolio, accountId,
    trip: (request) => {
      if (!controller) return log.error({ request }, "risk trip before the controller was attached");
      void controller.trip(request).catch((error: unknown) => log.error({ err: error, request }, "risk trip failed"));
    },
    paused: (pause) => saveQuietly("risk pause", async () => {
      await savePause(db, accountId, pause);
      await recordRiskEvent(db, { accountId, code: pause.code, message: pause.reason, detail: { symbol: pause.symbol, until: new Date(pause.until).toISOString() } });
    }),
    baselinesChanged: (marks) => {
      marksSaved = marksSaved.then(() => saveEquityMarks(db, accountId, marks)).catch((error: unknown) => log.error({ err: error }, "failed to save equity marks"));
    },
  }, { marks: await loadEquityMarks(db, accountId) ?? await marksFromSnapshots(db, accountId, portfolio) }, Date.now());

  return {
    risk, monitor, saved: () => marksSaved,
    attach: ({ router, publisher, onTrip }) => {
      controller = new RiskController(accountId, risk, {
        persist: (state) => saveRiskState(db, accountId, state),
        recordEvent: (event) => recordRiskEvent(db, { accountId, ...event }),
        audit: (entry) => appendAudit(db, { ...entry, target: accountId }),
        publish: (view) => publisher.risk(view),
        cancelAll: async (actor) => {
          const canceled = await router.cancelAll(actor);
          log.warn({ actor, canceled }, "trading halted: open orders canceled");
          return canceled;
        },
        flatten: async (actor) => {
          for (const command of closingOrders(portfolio.positionViews(accountId), accountId, actor)) {
            const order = await router.submit(command).catch((error: unknown) => log.error({ err: error, symbol: command.symbol }, "closing order refused"));
            if (order) log.warn({ symbol: order.symbol, status: order.status, quantity: order.quantity }, "position closed before the halt");
          }
        },
        transitioned: (transition) => {
          log.warn(transition, "risk state changed");
          try {
            onTrip?.(transition);
          } catch (error) {
            log.error({ err: error }, "onTrip failed");
          }
        },
      }, () => monitor.rearmed());
      return controller;
    },
  };
}

/** First start with the real-time loop: today's first snapshot is the start of the day, as the account view had it. */
async function marksFromSnapshots(db: Database, accountId: string, portfolio: Portfolio) {
  const now = Date.now();
  const startOfDay = await startOfDayEquity(db, accountId, now);
  if (startOfDay === undefined) return null;
  return { day: Math.floor(now / 86_400_000), startOfDay, lossBaseline: startOfDay, peak: String(Math.max(Number(startOfDay), portfolio.equity().toNumber())) };
}
