import "server-only";
import { actorLabel } from "@/lib/auth/actor";
import { createApiKey, getApiKey, listApiKeys, revokeApiKey, type ApiKeyRecord } from "@/lib/auth/api-key-store";
import { getUser, listUsers } from "@/lib/auth/user-store";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { scopesOfRole, type Scope } from "@/lib/domain/roles";
import { ApiError, notFound } from "../api-error";
import { requireActor } from "../auth/require-actor";
import { announceAuthChanged } from "../cache/hot-reads";
import type { NewApiKey } from "../profile/own-api-keys";

export type AdminApiKeyView = ApiKeyRecord & { ownerEmail: string };

export async function listAllApiKeys(db: Database): Promise<AdminApiKeyView[]> {
  await requireActor("admin");
  const [keys, people] = await Promise.all([listApiKeys(db, {}), listUsers(db)]);
  const emails = new Map(people.map((u) => [u.id, u.email]));
  return keys.map((k) => ({ ...k, ownerEmail: emails.get(k.userId) ?? "(unknown user)" }));
}

/** A key for any user, with no scope beyond what that user's role carries. */
export async function createApiKeyForUser(db: Database, params: { userId: string; name: string; scopes: Scope[] }): Promise<NewApiKey> {
  const { actor } = await requireActor("admin");
  const owner = await getUser(db, params.userId);
  if (!owner) throw notFound("User");
  if (owner.disabled) throw new ApiError(409, "USER_DISABLED", "This user is disabled; enable them first");
  const allowed = scopesOfRole(owner.role);
  const refused = params.scopes.filter((s) => !allowed.includes(s));
  if (refused.length > 0) throw new ApiError(403, "SCOPE_NOT_ALLOWED", `A ${owner.role} cannot hold: ${refused.join(", ")}`);
  const created = await createApiKey(db, { userId: owner.id, name: params.name, scopes: [...new Set(params.scopes)] });
  await appendAudit(db, {
    actor: actorLabel(actor), action: "apikey.create", target: created.record.id,
    details: { keyId: created.record.id, owner: owner.email, name: created.record.name, scopes: created.record.scopes, byAdmin: true },
  });
  return created;
}

export async function revokeAnyApiKey(db: Database, params: { keyId: string }): Promise<ApiKeyRecord> {
  const { ctx, actor } = await requireActor("admin");
  const key = await getApiKey(db, params.keyId);
  if (!key) throw notFound("API key");
  if (key.revokedAt !== null) return key;
  const revoked = (await revokeApiKey(db, key.id)) ?? key;
  await announceAuthChanged(ctx);
  const owner = await getUser(db, key.userId);
  await appendAudit(db, {
    actor: actorLabel(actor), action: "apikey.revoke", target: key.id,
    details: { keyId: key.id, owner: owner?.email ?? key.userId, scopes: key.scopes, byAdmin: true },
  });
  return revoked;
}
