import "server-only";
import { actorLabel } from "@/lib/auth/actor";
import { createApiKey, getApiKey, listApiKeys, revokeApiKey, type ApiKeyRecord } from "@/lib/auth/api-key-store";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { scopesOfRole, type Scope } from "@/lib/domain/roles";
import { ApiError, notFound } from "../api-error";
import { announceAuthChanged } from "../cache/hot-reads";
import { requireSessionActor } from "./session-actor";

export interface NewApiKey {
  /** The full key: this response is the only time it exists outside its hash. */
  key: string;
  record: ApiKeyRecord;
}

export async function listOwnApiKeys(db: Database): Promise<ApiKeyRecord[]> {
  const { actor } = await requireSessionActor();
  return listApiKeys(db, { userId: actor.userId });
}

export async function createOwnApiKey(db: Database, params: { name: string; scopes: Scope[] }): Promise<NewApiKey> {
  const { actor } = await requireSessionActor();
  const allowed = scopesOfRole(actor.role);
  const refused = params.scopes.filter((s) => !allowed.includes(s));
  if (refused.length > 0) throw new ApiError(403, "SCOPE_NOT_ALLOWED", `The ${actor.role} role cannot grant: ${refused.join(", ")}`);
  const created = await createApiKey(db, { userId: actor.userId, name: params.name, scopes: [...new Set(params.scopes)] });
  await appendAudit(db, {
    actor: actorLabel(actor), action: "apikey.create", target: created.record.id,
    details: { keyId: created.record.id, owner: actor.email, name: created.record.name, scopes: created.record.scopes },
  });
  return created;
}

/** Revokes one of the caller's own keys; someone else's key is reported as not found, never as forbidden. */
export async function revokeOwnApiKey(db: Database, params: { keyId: string }): Promise<ApiKeyRecord> {
  const { ctx, actor } = await requireSessionActor();
  const key = await getApiKey(db, params.keyId);
  if (!key || key.userId !== actor.userId) throw notFound("API key");
  if (key.revokedAt !== null) return key;
  const revoked = (await revokeApiKey(db, key.id)) ?? key;
  await announceAuthChanged(ctx);
  await appendAudit(db, { actor: actorLabel(actor), action: "apikey.revoke", target: key.id, details: { keyId: key.id, owner: actor.email, scopes: key.scopes } });
  return revoked;
}
