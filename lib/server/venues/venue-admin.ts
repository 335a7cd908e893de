import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { maskSecret } from "@/lib/auth/secret-box";
import { bybitEndpoints } from "@/lib/config";
import { COMMANDS } from "@/lib/engine/commands";
import type { LiveVenueView } from "@/lib/engine/live/live-venues";
import { latestAdminCredentials, loadVenueKeys } from "@/lib/engine/persistence/venue-keys";
import { logger } from "@/lib/logger";
import { testConnection, type ConnectionTestResult } from "@/lib/venues/bybit/test-connection";
import { storeOwnVenueCredentials } from "../profile/venue-credentials";
import type { ServerContext } from "../context";
import { mt5Settings, type Mt5SettingsView } from "./mt5-settings";
import { getVenues, type VenuesView } from "./venue-status";

const log = logger("venue-admin");

// Bybit keys are printable ASCII without spaces; anything else is a paste accident, refused before it is sealed.
const keyText = (max: number) => z.string().trim().min(8, "at least 8 characters").max(max).regex(/^[\x21-\x7e]+$/, "letters, digits and symbols only, no spaces");

export const storeVenueKeysSchema = z.object({ apiKey: keyText(200), apiSecret: keyText(500) }).strict();

/** The keys the engine uses for Bybit, as the browser may see them: never the key or secret, only a masked hint. */
export interface VenueKeysSummary {
  source: "environment" | "admin";
  maskedKey: string;
  /** When an admin stored them; null for the environment's. */
  updatedAt: number | null;
}

export interface VenueAdminView {
  status: VenuesView;
  bybit: { symbols: string[]; restUrl: string; testnet: boolean; keys: VenueKeysSummary | null };
  mt5: Mt5SettingsView;
}

export interface StoredVenueKeys {
  keys: VenueKeysSummary;
  /** What happens next, in plain words (the engine loaded them, or why it did not). */
  effect: string;
}

export interface VenueConnectionTest extends ConnectionTestResult {
  keys: VenueKeysSummary["source"] | null;
}

/** Same precedence as the engine's loadVenueKeys (environment, else the admin who stored last), without decrypting. */
export async function bybitKeysSummary(ctx: ServerContext): Promise<VenueKeysSummary | null> {
  const { config } = ctx;
  if (config.BYBIT_API_KEY && config.BYBIT_API_SECRET) return { source: "environment", maskedKey: maskSecret(config.BYBIT_API_KEY.slice(-4)), updatedAt: null };
  const row = await latestAdminCredentials(ctx.database.db, "bybit");
  return row ? { source: "admin", maskedKey: maskSecret(row.hint), updatedAt: row.updatedAt.getTime() } : null;
}

export async function getVenueAdminView(ctx: ServerContext, actor: Actor): Promise<VenueAdminView> {
  const [status, keys] = await Promise.all([getVenues(ctx, actor), bybitKeysSummary(ctx)]);
  const bybit = { symbols: ctx.config.BYBIT_SYMBOLS, restUrl: bybitEndpoints(ctx.config).rest, testnet: ctx.config.BYBIT_TESTNET, keys };
  return { status, bybit, mt5: mt5Settings(ctx.config) };
}

/** Seals and stores the signed-in admin's Bybit keys (audited there), then asks a live engine without keys to use them. */
export async function storeAdminVenueKeys(ctx: ServerContext, actor: Actor, input: z.infer<typeof storeVenueKeysSchema>): Promise<StoredVenueKeys> {
  const stored = await storeOwnVenueCredentials(ctx.database.db, { venue: "bybit", ...input });
  const keys: VenueKeysSummary = { source: "admin", maskedKey: stored.maskedKey, updatedAt: stored.updatedAt };
  if (ctx.config.BYBIT_API_KEY && ctx.config.BYBIT_API_SECRET) {
    return { keys, effect: "Stored, but BYBIT_API_KEY and BYBIT_API_SECRET are set in the environment, and those win." };
  }
  return { keys, effect: await reloadEngineKeys(ctx, actor, stored.maskedKey) };
}

async function reloadEngineKeys(ctx: ServerContext, actor: Actor, maskedKey: string): Promise<string> {
  let answer: { live: boolean; venues: LiveVenueView[] };
  try {
    answer = (await ctx.bus.request(COMMANDS.reloadVenueKeys, { accountId: actor.accountId })) as typeof answer;
  } catch (error) {
    log.warn({ err: error }, "the engine did not take the new venue keys");
    return "Stored. The engine did not answer; it loads the keys when it next starts.";
  }
  if (!answer.live) return "Stored. The engine runs in paper mode, so Bybit gets no orders until live mode is switched on.";
  const bybit = answer.venues.find((v) => v.venue === "bybit");
  if (bybit?.keys && maskSecret(bybit.keys.hint) !== maskedKey) {
    return `Stored. Bybit stays connected with key ${maskSecret(bybit.keys.hint)} until the engine restarts.`;
  }
  return `Stored. The engine loaded them: Bybit is ${bybit?.connection.state ?? "not connected"}.`;
}

/** Reaches Bybit and, when the engine has keys, proves them with one signed read; keys are decrypted here only. */
export async function testVenueConnection(ctx: ServerContext): Promise<VenueConnectionTest> {
  const { config } = ctx;
  const keys = await loadVenueKeys(ctx.database.db, config, "bybit");
  const result = await testConnection({
    restUrl: bybitEndpoints(config).rest, apiKey: keys?.apiKey, apiSecret: keys?.apiSecret,
    recvWindowMs: config.BYBIT_RECV_WINDOW_MS, timeoutMs: config.BYBIT_CONNECT_TIMEOUT_MS,
  });
  log.info({ ok: result.ok, latencyMs: result.latencyMs, keys: keys?.source ?? null }, "Bybit connection test");
  return { ...result, keys: keys?.source ?? null };
}
