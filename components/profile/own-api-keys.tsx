"use client";

import { createApiKeyAction, revokeApiKeyAction } from "@/app/profile/actions";
import type { ApiKeyRecord } from "@/lib/auth/api-key-store";
import type { Scope } from "@/lib/domain/roles";
import { ApiKeyCreateForm } from "@/components/profile/api-key-create-form";
import { ApiKeysTable } from "@/components/profile/api-keys-table";

/** The profile's key section: create one for yourself (within your role), see and revoke your own. */
export function OwnApiKeys({ keys, allowedScopes }: { keys: ApiKeyRecord[]; allowedScopes: Scope[] }) {
  return (
    <>
      <ApiKeyCreateForm allowedScopes={allowedScopes} create={createApiKeyAction} />
      <ApiKeysTable keys={keys} revoke={revokeApiKeyAction} />
    </>
  );
}
