import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { roleAtLeast, type Role } from "@/lib/domain/roles";
import { getServerContext, type ServerContext } from "../context";
import { currentActor } from "./require-actor";

/** For pages: the signed-in user with at least `role`; no session goes to sign-in, too low a role sees a 404. */
export async function pageActor(role: Role, returnTo: string): Promise<{ ctx: ServerContext; actor: Actor }> {
  const ctx = await getServerContext();
  const actor = await currentActor(ctx);
  if (!actor || actor.via !== "session") redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roleAtLeast(actor.role, role)) notFound();
  return { ctx, actor };
}
