import "server-only";
import { randomBytes } from "node:crypto";
import { actorLabel } from "@/lib/auth/actor";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { insertUser, listUsers, type UserRecord } from "@/lib/auth/user-store";
import { appendAudit } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";
import { ApiError } from "../api-error";
import { requireActor } from "../auth/require-actor";

export interface CreatedUser {
  user: UserRecord;
  /** Set for an invitation: the generated password, shown to the admin once and stored only as a hash. */
  oneTimePassword?: string;
}

export async function listUsersForAdmin(db: Database): Promise<UserRecord[]> {
  await requireActor("admin");
  return listUsers(db);
}

/** Creates a user with the given password, or (an invitation) with a generated one the admin passes on. */
export async function createUserAsAdmin(db: Database, params: { email: string; role: Role; password?: string; accountId?: string }): Promise<CreatedUser> {
  const { ctx, actor } = await requireActor("admin");
  const oneTimePassword = params.password === undefined ? randomBytes(12).toString("base64url") : undefined;
  const password = params.password ?? oneTimePassword!;
  if (password.length < MIN_PASSWORD_LENGTH) throw new ApiError(400, "VALIDATION_ERROR", `The password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const accountId = params.accountId ?? ctx.config.ACCOUNT_ID;
  const user = await insertUser(db, { email: params.email, role: params.role, accountId, passwordHash: await hashPassword(password) });
  if (!user) throw new ApiError(409, "EMAIL_TAKEN", "A user with this email already exists");
  await appendAudit(db, {
    actor: actorLabel(actor), action: "user.create", target: user.id,
    details: { email: user.email, role: user.role, accountId, invited: oneTimePassword !== undefined },
  });
  return oneTimePassword ? { user, oneTimePassword } : { user };
}
