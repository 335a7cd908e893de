import "server-only";
import { headers } from "next/headers";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { resolveSecrets } from "@/lib/auth/local-secrets";
import { resolveActor } from "@/lib/auth/resolve-actor";
import type { Scope } from "@/lib/domain/roles";
import { recordRequestActor } from "@/lib/runtime/request-context";
import { ApiError } from "../api-error";
import { credentialKey, hotRead } from "../cache/hot-reads";
import { getServerContext, type ServerContext } from "../context";
import { clientKey, consumeAddressRate, consumeApiRate } from "../rate-limit";

/**
 * Who is calling this request (or, in a server action or page, the current request), or undefined. Resolutions are
 * cached a few seconds per credential; a role change, a disabled user or a revoked key drops them at once.
 */
export async function currentActor(ctx: ServerContext, request?: Request): Promise<Actor | undefined> {
  const source = request?.headers ?? (await headers());
  const credentials = { authorization: source.get("authorization"), cookie: source.get("cookie") };
  const resolution = await hotRead(ctx, "actors", credentialKey(credentials.authorization, credentials.cookie),
    () => resolveActor(ctx.database.db, credentials, resolveSecrets(ctx.config).AUTH_SECRET));
  if (resolution.error) throw new ApiError(401, resolution.error, "The API key is unknown, revoked, or its owner is disabled");
  return resolution.actor;
}

/**
 * The check every route handler, server action and data function starts with: authenticated, allowed the scope,
 * within its rate limit. Throws 401, 403 or 429 as an ApiError.
 */
export async function requireActor(scope: Scope, request?: Request): Promise<{ ctx: ServerContext; actor: Actor }> {
  const ctx = await getServerContext();
  await consumeAddressRate(ctx, clientKey(request ?? { headers: await headers() }));
  const actor = await currentActor(ctx, request);
  if (!actor) throw new ApiError(401, "UNAUTHENTICATED", "Sign in, or send an API key as 'Authorization: Bearer <key>'");
  recordRequestActor(actorLabel(actor));
  if (!actor.scopes.includes(scope)) {
    throw new ApiError(403, "FORBIDDEN", `This needs the '${scope}' permission, which ${actor.via === "api-key" ? "this API key" : `the ${actor.role} role`} does not have`);
  }
  await consumeApiRate(ctx, `user:${actor.apiKeyId ?? actor.userId}`);
  return { ctx, actor };
}
