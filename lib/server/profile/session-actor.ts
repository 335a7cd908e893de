import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Scope } from "@/lib/domain/roles";
import { ApiError } from "../api-error";
import { requireActor } from "../auth/require-actor";
import type { ServerContext } from "../context";

/**
 * Profile changes need the person, not a program: an API key must not mint further keys, replace venue credentials
 * or change its owner's password, so a leaked key cannot entrench itself.
 */
export async function requireSessionActor(scope: Scope = "read"): Promise<{ ctx: ServerContext; actor: Actor }> {
  const result = await requireActor(scope);
  if (result.actor.via !== "session") throw new ApiError(403, "SESSION_REQUIRED", "This needs a signed-in session, not an API key");
  return result;
}
