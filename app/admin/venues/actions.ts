"use server";

import type { ActionResult } from "@/lib/api-types";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/require-actor";
import { storeAdminVenueKeys, storeVenueKeysSchema, testVenueConnection, type StoredVenueKeys, type VenueConnectionTest } from "@/lib/server/venues/venue-admin";

// A ZodError thrown by .parse() comes back from runAction as VALIDATION_ERROR naming the field.
export async function storeBybitKeysAction(input: unknown): Promise<ActionResult<StoredVenueKeys>> {
  return runAction(async () => {
    const { ctx, actor } = await requireActor("admin");
    return storeAdminVenueKeys(ctx, actor, storeVenueKeysSchema.parse(input));
  });
}

export async function testBybitConnectionAction(): Promise<ActionResult<VenueConnectionTest>> {
  return runAction(async () => {
    const { ctx } = await requireActor("admin");
    return testVenueConnection(ctx);
  });
}
