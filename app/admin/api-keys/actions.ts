"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/api-types";
import type { ApiKeyRecord } from "@/lib/auth/api-key-store";
import { SCOPES } from "@/lib/domain/roles";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/require-actor";
import { createApiKeyForUser, revokeAnyApiKey } from "@/lib/server/admin/api-keys";
import type { NewApiKey } from "@/lib/server/profile/own-api-keys";

// A ZodError thrown by .parse() comes back from runAction as VALIDATION_ERROR naming the field.
const createSchema = z.object({
  userId: z.uuid(),
  name: z.string().trim().min(1).max(60),
  scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length),
}).strict();
const revokeSchema = z.object({ keyId: z.uuid() }).strict();

export async function adminCreateApiKeyAction(input: unknown): Promise<ActionResult<NewApiKey>> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    return createApiKeyForUser(ctx.database.db, createSchema.parse(input));
  });
}

export async function adminRevokeApiKeyAction(input: unknown): Promise<ActionResult<ApiKeyRecord>> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    return revokeAnyApiKey(ctx.database.db, revokeSchema.parse(input));
  });
}
