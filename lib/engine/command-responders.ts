import { BusRemoteError, type Bus, type Unsubscribe } from "@/lib/bus/bus";
import type { RiskView } from "@/lib/domain/account";
import type { Order } from "@/lib/domain/order";
import { MODELS_CHANGED_TOPIC } from "@/lib/ml/live/models-changed";
import type { RiskLimitsPatch } from "@/lib/risk/limits-schema";
import type { RiskController } from "@/lib/risk/realtime/risk-controller";
import {
  amendOrderCommandSchema, cancelOrderCommandSchema, COMMANDS, killSwitchCommandSchema, rearmCommandSchema, reconcileVenueCommandSchema, resolveMismatchCommandSchema,
  setRiskLimitsCommandSchema, submitOrderCommandSchema, venuesCommandSchema,
} from "./commands";
import type { LiveVenues } from "./live/live-venues";
import type { OrderRouter } from "./order-router";

export interface CommandTargets {
  accountId: string;
  router: OrderRouter;
  controller: RiskController;
  live: LiveVenues | null;
  setRiskLimits(patch: RiskLimitsPatch, actor: string): Promise<RiskView>;
  openOrders(): Promise<Order[]>;
  refreshModels(): void;
}

/** The engine's answers to the web's commands on the bus; each command is validated again here. */
export function respondToCommands(bus: Bus, t: CommandTargets): Promise<Unsubscribe[]> {
  const guard = (requested: string) => {
    if (requested !== t.accountId) throw new BusRemoteError("NOT_FOUND", `Account ${requested} is not traded by this engine`);
  };
  const liveVenues = () => {
    if (!t.live) throw new BusRemoteError("NOT_LIVE", "Live trading is off: there is no live venue to reconcile");
    return t.live;
  };
  return Promise.all([
    bus.respond(COMMANDS.submitOrder, async (raw) => {
      const command = submitOrderCommandSchema.parse(raw);
      guard(command.accountId);
      const order = await t.router.submit(command);
      if (order.status === "REJECTED") throw new BusRemoteError(rejectCode(order.rejectReason), `The venue rejected the order (${order.rejectReason ?? "no reason given"})`);
      return order;
    }),
    bus.respond(COMMANDS.cancelOrder, async (raw) => {
      const command = cancelOrderCommandSchema.parse(raw);
      guard(command.accountId);
      return t.router.cancel(command.orderId, command.actor);
    }),
    bus.respond(COMMANDS.amendOrder, async (raw) => {
      const { accountId, orderId, actor, ...change } = amendOrderCommandSchema.parse(raw);
      guard(accountId);
      return t.router.amend(orderId, change, actor);
    }),
    bus.respond(COMMANDS.setRiskLimits, async (raw) => {
      const command = setRiskLimitsCommandSchema.parse(raw);
      guard(command.accountId);
      return t.setRiskLimits(command.patch, command.actor);
    }),
    bus.subscribe(MODELS_CHANGED_TOPIC, () => t.refreshModels()),
    bus.respond(COMMANDS.killSwitch, async (raw) => {
      const command = killSwitchCommandSchema.parse(raw);
      guard(command.accountId);
      return t.controller.killSwitch(command.engaged, command.actor);
    }),
    bus.respond(COMMANDS.rearm, async (raw) => {
      const command = rearmCommandSchema.parse(raw);
      guard(command.accountId);
      return t.controller.rearm(command.actor);
    }),
    bus.respond(COMMANDS.venues, async (raw) => {
      guard(venuesCommandSchema.parse(raw).accountId);
      return { live: t.live !== null, venues: t.live?.views() ?? [] };
    }),
    bus.respond(COMMANDS.reloadVenueKeys, async (raw) => {
      guard(venuesCommandSchema.parse(raw).accountId);
      return { live: t.live !== null, venues: t.live ? await t.live.reloadKeys(t.openOrders) : [] };
    }),
    bus.respond(COMMANDS.reconcileVenue, async (raw) => {
      const command = reconcileVenueCommandSchema.parse(raw);
      guard(command.accountId);
      return liveVenues().reconcile(command.venue).catch((error: unknown) => {
        throw new BusRemoteError("NOT_RECONCILED", error instanceof Error ? error.message : String(error));
      });
    }),
    bus.respond(COMMANDS.resolveMismatch, async (raw) => {
      const command = resolveMismatchCommandSchema.parse(raw);
      guard(command.accountId);
      return liveVenues().resolve(command.venue, command.mismatchId, command.action, command.actor).catch((error: unknown) => {
        throw new BusRemoteError("MISMATCH_NOT_RESOLVED", error instanceof Error ? error.message : String(error));
      });
    }),
  ]);
}

/** A venue's reason reads "CODE: words" (e.g. Bybit's retCode, an MT guard); the code alone is the error code. */
function rejectCode(reason: string | null): string {
  const code = reason?.split(":")[0]?.trim() ?? "";
  return /^[A-Z0-9_]{1,64}$/.test(code) ? code : "VENUE_REJECTED";
}
