"use client";

import type { ActionResult } from "@/lib/api-types";
import type { ApiKeyRecord } from "@/lib/auth/api-key-store";
import { UtcTime } from "@/components/auth/utc-time";
import { RevokeKeyButton } from "@/components/profile/revoke-key-button";
import { DataTable } from "@/components/ui/data-table";

export type ApiKeyRow = ApiKeyRecord & { ownerEmail?: string };

interface ApiKeysTableProps {
  keys: ApiKeyRow[];
  /** The admin page lists everyone's keys and says whose each is. */
  showOwner?: boolean;
  revoke: (input: { keyId: string }) => Promise<ActionResult<unknown>>;
}

const KEY_COLUMNS = [
  { label: "Name" }, { label: "Key" }, { label: "Scopes" }, { label: "Created" }, { label: "Last used" }, { label: "Status" }, { label: "Actions", hidden: true },
];

/** Keys by their public prefix only: the secret part was shown once, at creation, and is not stored. */
export function ApiKeysTable({ keys, showOwner = false, revoke }: ApiKeysTableProps) {
  return (
    <DataTable label="API keys" testId="api-keys-table" columns={[showOwner ? { label: "Owner" } : null, ...KEY_COLUMNS]} empty={keys.length === 0 ? "No API keys" : null}>
      {keys.map((key) => (
        <tr key={key.id} data-testid="api-key-row" data-key-id={key.id} data-state={key.revokedAt === null ? "active" : "revoked"}>
          {showOwner ? <td>{key.ownerEmail}</td> : null}
          <th scope="row">{key.name}</th>
          <td>
            <code>tf_{key.prefix}_…</code>
          </td>
          <td>{key.scopes.join(", ")}</td>
          <td>
            <UtcTime at={key.createdAt} />
          </td>
          <td>
            <UtcTime at={key.lastUsedAt} />
          </td>
          <td data-testid="api-key-status">
            {key.revokedAt === null ? "active" : <>revoked <UtcTime at={key.revokedAt} /></>}
          </td>
          <td>{key.revokedAt === null ? <RevokeKeyButton keyId={key.id} revoke={revoke} /> : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}
