"use server";

import { z } from "zod";
import type { ApiKeyRecord } from "@/lib/auth/api-key-store";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import type { ActionResult } from "@/lib/api-types";
import { SCOPES } from "@/lib/domain/roles";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/require-actor";
import { changeOwnPassword } from "@/lib/server/profile/password";
import { createOwnApiKey, revokeOwnApiKey, type NewApiKey } from "@/lib/server/profile/own-api-keys";
import { deleteOwnVenueCredentials, storeOwnVenueCredentials, VENUES, type VenueCredentialView } from "@/lib/server/profile/venue-credentials";

// A ZodError thrown by .parse() comes back from runAction as VALIDATION_ERROR naming the field.
const passwordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(200),
  confirmPassword: z.string().max(200),
}).strict().refine((v) => v.newPassword === v.confirmPassword, { message: "does not match the new password", path: ["confirmPassword"] });

const keyName = z.string().trim().min(1).max(60);
const createKeySchema = z.object({ name: keyName, scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length) }).strict();
const keyIdSchema = z.object({ keyId: z.uuid() }).strict();
const venueSchema = z.object({
  venue: z.enum(VENUES),
  apiKey: z.string().trim().min(8).max(200),
  apiSecret: z.string().trim().min(8).max(500),
}).strict();
const venueIdSchema = z.object({ id: z.uuid() }).strict();

export async function changePasswordAction(input: unknown): Promise<ActionResult<{ changed: true }>> {
  return runAction(async () => {
    const { ctx } = await requireActor("read");
    const { currentPassword, newPassword } = passwordSchema.parse(input);
    return changeOwnPassword(ctx.database.db, { currentPassword, newPassword });
  });
}

export async function createApiKeyAction(input: unknown): Promise<ActionResult<NewApiKey>> {
  return runAction(async () => {
    const { ctx } = await requireActor("read");
    return createOwnApiKey(ctx.database.db, createKeySchema.parse(input));
  });
}

export async function revokeApiKeyAction(input: unknown): Promise<ActionResult<ApiKeyRecord>> {
  return runAction(async () => {
    const { ctx } = await requireActor("read");
    return revokeOwnApiKey(ctx.database.db, keyIdSchema.parse(input));
  });
}

export async function storeVenueCredentialsAction(input: unknown): Promise<ActionResult<VenueCredentialView>> {
  return runAction(async () => {
    const { ctx } = await requireActor("read");
    return storeOwnVenueCredentials(ctx.database.db, venueSchema.parse(input));
  });
}

export async function deleteVenueCredentialsAction(input: unknown): Promise<ActionResult<{ deleted: true }>> {
  return runAction(async () => {
    const { ctx } = await requireActor("read");
    return deleteOwnVenueCredentials(ctx.database.db, venueIdSchema.parse(input));
  });
}
