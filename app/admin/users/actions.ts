"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/api-types";
import type { UserRecord } from "@/lib/auth/user-store";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { ROLES } from "@/lib/domain/roles";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/require-actor";
import { changeUserRole, setUserDisabled } from "@/lib/server/admin/user-changes";
import { createUserAsAdmin, type CreatedUser } from "@/lib/server/admin/users";

// A ZodError thrown by .parse() comes back from runAction as VALIDATION_ERROR naming the field.
const createSchema = z.object({
  email: z.string().trim().max(200).pipe(z.email()),
  role: z.enum(ROLES),
  /** Omitted: an invitation with a generated one-time password. */
  password: z.string().min(MIN_PASSWORD_LENGTH).max(200).optional(),
  accountId: z.string().regex(/^[a-z0-9-]{1,40}$/, "lower-case letters, digits and dashes").optional(),
}).strict();
const roleSchema = z.object({ userId: z.uuid(), role: z.enum(ROLES) }).strict();
const disabledSchema = z.object({ userId: z.uuid(), disabled: z.boolean() }).strict();

export async function createUserAction(input: unknown): Promise<ActionResult<CreatedUser>> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    return createUserAsAdmin(ctx.database.db, createSchema.parse(input));
  });
}

export async function changeUserRoleAction(input: unknown): Promise<ActionResult<UserRecord>> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    return changeUserRole(ctx.database.db, roleSchema.parse(input));
  });
}

export async function setUserDisabledAction(input: unknown): Promise<ActionResult<UserRecord>> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    return setUserDisabled(ctx.database.db, disabledSchema.parse(input));
  });
}
