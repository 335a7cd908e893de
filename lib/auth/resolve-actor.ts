import type { Database } from "@/lib/db/client";
import { scopesOfRole } from "@/lib/domain/roles";
import type { Actor } from "./actor";
import { verifyApiKey } from "./api-key-store";
import { sessionUserId } from "./session-token";
import { getUser } from "./user-store";

export type ActorResolution = { actor: Actor; error?: undefined } | { actor: undefined; error?: "INVALID_API_KEY" };

/**
 * Who sent these headers: a bearer API key, else the session cookie. The database, not the token, decides the
 * role and whether the user is still enabled, so a change takes effect on the next request. Used by route handlers,
 * server actions and the realtime gateways alike.
 */
export async function resolveActor(db: Database, headers: { authorization?: string | null; cookie?: string | null }, secret: string): Promise<ActorResolution> {
  const authorization = headers.authorization ?? null;
  if (authorization?.startsWith("Bearer ")) {
    const key = await verifyApiKey(db, authorization.slice(7).trim());
    const user = key ? await getUser(db, key.userId) : undefined;
    if (!key || !user || user.disabled) return { actor: undefined, error: "INVALID_API_KEY" };
    const allowed = scopesOfRole(user.role);
    return { actor: { userId: user.id, email: user.email, role: user.role, accountId: user.accountId, scopes: key.scopes.filter((s) => allowed.includes(s)), via: "api-key", apiKeyId: key.id } };
  }
  const userId = await sessionUserId(headers.cookie ?? null, secret);
  const user = userId ? await getUser(db, userId) : undefined;
  if (!user || user.disabled) return { actor: undefined };
  return { actor: { userId: user.id, email: user.email, role: user.role, accountId: user.accountId, scopes: scopesOfRole(user.role), via: "session" } };
}
