import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { getUser, updateUser, type UserRecord } from "@/lib/auth/user-store";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import type { Role } from "@/lib/domain/roles";
import { ApiError, notFound } from "../api-error";
import { requireActor } from "../auth/require-actor";
import { announceAuthChanged } from "../cache/hot-reads";

type Change = { role: Role } | { disabled: boolean };

function removesAnAdmin(user: UserRecord, change: Change): boolean {
  if (user.role !== "admin" || user.disabled) return false;
  return "role" in change ? change.role !== "admin" : change.disabled;
}

/**
 * Applies a role or enabled-state change, refusing to touch the caller's own account and to leave no enabled admin.
 * Sequentially an enabled admin acting on someone else always leaves one; the lock and the re-checks cover two admins
 * demoting or disabling each other at the same moment.
 */
async function changeUser(db: Database, actor: Actor, params: { userId: string; change: Change }): Promise<{ before: UserRecord; after: UserRecord }> {
  if (params.userId === actor.userId) throw new ApiError(409, "OWN_ACCOUNT", "You cannot change your own role or disable yourself; ask another admin");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7252015)`);
    const before = await getUser(tx, params.userId);
    if (!before) throw notFound("User");
    if (removesAnAdmin(before, params.change)) {
      const [others] = await tx.select({ n: sql<number>`count(*)::int` }).from(users)
        .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, before.id)));
      if ((others?.n ?? 0) === 0) throw new ApiError(409, "LAST_ADMIN", "This is the last enabled admin; make another admin first");
    }
    // The caller was checked before the lock; an admin demoted meanwhile by another admin must not go on.
    const self = await getUser(tx, actor.userId);
    if (!self || self.disabled || self.role !== "admin") throw new ApiError(403, "FORBIDDEN", "You are no longer an enabled admin");
    const after = await updateUser(tx, before.id, params.change);
    if (!after) throw notFound("User");
    return { before, after };
  });
}

export async function changeUserRole(db: Database, params: { userId: string; role: Role }): Promise<UserRecord> {
  const { ctx, actor } = await requireActor("admin");
  const { before, after } = await changeUser(db, actor, { userId: params.userId, change: { role: params.role } });
  await announceAuthChanged(ctx);
  if (before.role !== after.role) {
    await appendAudit(db, { actor: actorLabel(actor), action: "user.role.change", target: after.id, details: { email: after.email, from: before.role, to: after.role } });
  }
  return after;
}

/**
 * Disabling takes effect on the user's next request (sessions and keys alike): every web process drops the actors
 * it cached when the change is announced.
 */
export async function setUserDisabled(db: Database, params: { userId: string; disabled: boolean }): Promise<UserRecord> {
  const { ctx, actor } = await requireActor("admin");
  const { before, after } = await changeUser(db, actor, { userId: params.userId, change: { disabled: params.disabled } });
  await announceAuthChanged(ctx);
  if (before.disabled !== after.disabled) {
    await appendAudit(db, { actor: actorLabel(actor), action: after.disabled ? "user.disable" : "user.enable", target: after.id, details: { email: after.email } });
  }
  return after;
}
