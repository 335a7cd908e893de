import "server-only";
import { z } from "zod";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { isLiveMode, orderVenue } from "@/lib/config";
import { COMMANDS } from "@/lib/engine/commands";
import type { LiveVenueView } from "@/lib/engine/live/live-venues";
import type { ReconciliationState } from "@/lib/engine/live/mismatch";
import { notFound } from "../api-error";
import type { ServerContext } from "../context";

export interface VenuesView {
  /** TRADING_MODE=live and ENABLE_LIVE_TRADING=true: routed symbols' orders go to real venues. */
  live: boolean;
  /** Where each symbol's orders go. */
  routes: Array<{ symbol: string; venue: string }>;
  venues: LiveVenueView[];
  /** The engine did not answer: its view of the venues is unknown. */
  engineUnreachable: boolean;
}

export const resolveMismatchBodySchema = z.object({ action: z.enum(["adopt", "cancel"]) }).strict();

function routes(ctx: ServerContext): VenuesView["routes"] {
  const symbols = [...new Set([...ctx.config.SIM_SYMBOLS, ...ctx.config.BYBIT_SYMBOLS, ...ctx.config.MT5_SYMBOLS])];
  return symbols.map((symbol) => ({ symbol, venue: orderVenue(ctx.config, symbol) }));
}

/** The venues as the engine sees them now: connection, keys (never the keys themselves), reconciliation. */
export async function getVenues(ctx: ServerContext, actor: Actor): Promise<VenuesView> {
  const base = { live: isLiveMode(ctx.config), routes: routes(ctx) };
  try {
    const answer = (await ctx.bus.request(COMMANDS.venues, { accountId: actor.accountId })) as { venues: LiveVenueView[] };
    return { ...base, venues: answer.venues, engineUnreachable: false };
  } catch {
    return { ...base, venues: [], engineUnreachable: true };
  }
}

/** Compares every live venue's books with ours now; the states after the runs. */
export async function reconcileVenues(ctx: ServerContext, actor: Actor): Promise<ReconciliationState[]> {
  return (await ctx.bus.request(COMMANDS.reconcileVenue, { accountId: actor.accountId })) as ReconciliationState[];
}

/** Adopt the venue's view of one mismatch, or cancel the venue's order; the engine audits it and compares again. */
export async function resolveMismatch(ctx: ServerContext, actor: Actor, mismatchId: string, action: "adopt" | "cancel"): Promise<ReconciliationState> {
  const { venues } = await getVenues(ctx, actor);
  const venue = venues.find((v) => v.reconciliation.mismatches.some((m) => m.id === mismatchId))?.venue;
  if (!venue) throw notFound(`Mismatch ${mismatchId} (it may have been resolved already)`);
  const command = { accountId: actor.accountId, venue, mismatchId, action, actor: actorLabel(actor) };
  return (await ctx.bus.request(COMMANDS.resolveMismatch, command)) as ReconciliationState;
}
