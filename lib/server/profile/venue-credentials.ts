import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { actorLabel } from "@/lib/auth/actor";
import { resolveSecrets } from "@/lib/auth/local-secrets";
import { maskSecret, SecretBox } from "@/lib/auth/secret-box";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { venueCredentials } from "@/lib/db/schema";
import { notFound } from "../api-error";
import { requireSessionActor } from "./session-actor";

export const VENUES = ["bybit"] as const;
export type Venue = (typeof VENUES)[number];

/** What the browser may see of stored credentials: never the key or secret, only a masked hint. */
export interface VenueCredentialView {
  id: string;
  venue: string;
  maskedKey: string;
  updatedAt: number;
}

export async function listOwnVenueCredentials(db: Database): Promise<VenueCredentialView[]> {
  const { actor } = await requireSessionActor();
  const rows = await db.select({ id: venueCredentials.id, venue: venueCredentials.venue, hint: venueCredentials.apiKeyHint, updatedAt: venueCredentials.updatedAt })
    .from(venueCredentials).where(eq(venueCredentials.userId, actor.userId)).orderBy(asc(venueCredentials.venue));
  return rows.map((r) => ({ id: r.id, venue: r.venue, maskedKey: maskSecret(r.hint), updatedAt: r.updatedAt.getTime() }));
}

/** Seals key and secret with ENCRYPTION_KEY and replaces what the user stored for that venue before. */
export async function storeOwnVenueCredentials(db: Database, params: { venue: Venue; apiKey: string; apiSecret: string }): Promise<VenueCredentialView> {
  const { ctx, actor } = await requireSessionActor();
  const box = new SecretBox(resolveSecrets(ctx.config).ENCRYPTION_KEY);
  const sealed = { apiKeyEncrypted: box.seal(params.apiKey), apiSecretEncrypted: box.seal(params.apiSecret), apiKeyHint: params.apiKey.slice(-4), updatedAt: new Date() };
  const mine = and(eq(venueCredentials.userId, actor.userId), eq(venueCredentials.venue, params.venue));
  const row = await db.transaction(async (tx) => {
    // The table has no unique (user, venue) constraint, so concurrent saves are serialised here instead.
    await tx.execute(sql`select pg_advisory_xact_lock(7252014, hashtext(${`${actor.userId}:${params.venue}`}))`);
    const [existing] = await tx.select({ id: venueCredentials.id }).from(venueCredentials).where(mine);
    const [saved] = existing
      ? await tx.update(venueCredentials).set(sealed).where(eq(venueCredentials.id, existing.id)).returning()
      : await tx.insert(venueCredentials).values({ userId: actor.userId, venue: params.venue, ...sealed }).returning();
    return saved!;
  });
  await appendAudit(db, { actor: actorLabel(actor), action: "venue.credentials.store", target: row.id, details: { venue: params.venue, keyHint: maskSecret(row.apiKeyHint) } });
  return { id: row.id, venue: row.venue, maskedKey: maskSecret(row.apiKeyHint), updatedAt: row.updatedAt.getTime() };
}

/** Deletes the caller's own stored credentials; another user's id is reported as not found. */
export async function deleteOwnVenueCredentials(db: Database, params: { id: string }): Promise<{ deleted: true }> {
  const { actor } = await requireSessionActor();
  if (!/^[0-9a-f-]{36}$/i.test(params.id)) throw notFound("Venue credentials");
  const [row] = await db.delete(venueCredentials).where(and(eq(venueCredentials.id, params.id), eq(venueCredentials.userId, actor.userId))).returning({ id: venueCredentials.id, venue: venueCredentials.venue });
  if (!row) throw notFound("Venue credentials");
  await appendAudit(db, { actor: actorLabel(actor), action: "venue.credentials.delete", target: row.id, details: { venue: row.venue } });
  return { deleted: true };
}
