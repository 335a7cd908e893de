"use client";

import { useState } from "react";
import { adminCreateApiKeyAction, adminRevokeApiKeyAction } from "@/app/admin/api-keys/actions";
import { scopesOfRole, type Role, type Scope } from "@/lib/domain/roles";
import type { AdminApiKeyView } from "@/lib/server/admin/api-keys";
import { ApiKeyCreateForm } from "@/components/profile/api-key-create-form";
import { ApiKeysTable } from "@/components/profile/api-keys-table";

export interface KeyOwnerOption {
  id: string;
  email: string;
  role: Role;
}

/** Every user's keys; a new key for anyone, with the scopes the chosen owner's role allows. */
export function AdminApiKeys({ keys, owners }: { keys: AdminApiKeyView[]; owners: KeyOwnerOption[] }) {
  const [ownerId, setOwnerId] = useState(owners[0]?.id ?? "");
  const owner = owners.find((o) => o.id === ownerId);
  const create = (input: { name: string; scopes: Scope[] }) => adminCreateApiKeyAction({ ...input, userId: ownerId });

  return (
    <div className="split-columns split-columns-wide">
      <ApiKeyCreateForm allowedScopes={owner ? scopesOfRole(owner.role) : []} create={create}>
        <label className="field">
          <span>Owner</span>
          <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)} data-testid="api-key-owner">
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.email} ({o.role})
              </option>
            ))}
          </select>
        </label>
      </ApiKeyCreateForm>
      <ApiKeysTable keys={keys} showOwner revoke={adminRevokeApiKeyAction} />
    </div>
  );
}
