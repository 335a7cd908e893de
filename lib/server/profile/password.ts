import "server-only";
import { actorLabel } from "@/lib/auth/actor";
import { getPasswordHash, updateUser } from "@/lib/auth/user-store";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/passwords";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { ApiError } from "../api-error";
import { requireSessionActor } from "./session-actor";

/** The signed-in user's new password, accepted only with the current one. */
export async function changeOwnPassword(db: Database, params: { currentPassword: string; newPassword: string }): Promise<{ changed: true }> {
  const { actor } = await requireSessionActor();
  if (params.newPassword.length < MIN_PASSWORD_LENGTH) {
    throw new ApiError(400, "VALIDATION_ERROR", `The new password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (!(await verifyPassword(params.currentPassword, await getPasswordHash(db, actor.userId)))) {
    // Logged: repeated misses here mean someone holds a session but not the password.
    await appendAudit(db, { actor: actorLabel(actor), action: "user.password.change.failed", target: actor.userId, details: { reason: "wrong current password" } });
    throw new ApiError(400, "WRONG_PASSWORD", "The current password is not correct");
  }
  await updateUser(db, actor.userId, { passwordHash: await hashPassword(params.newPassword) });
  await appendAudit(db, { actor: actorLabel(actor), action: "user.password.change", target: actor.userId });
  return { changed: true };
}
