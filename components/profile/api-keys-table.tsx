"use client";

import type { ActionResult } from "@/lib/api-types";
import type { ApiKeyRecord } from "@/lib/auth/api-key-store";
import { UtcTime } from "@/components/auth/utc-time";
import { EmptyRow } from "@/components/ui/empty-row";
import { RevokeKeyButton } from "@/components/profile/revoke-key-button";

export type ApiKeyRow = ApiKeyRecord & { ownerEmail?: string };

interface ApiKeysTableProps {
  keys: ApiKeyRow[];
  /** The admin page lists everyone's keys and says whose each is. */
  showOwner?: boolean;
  revoke: (input: { keyId: string }) => Promise<ActionResult<unknown>>;
}

/** Keys by their public prefix only: the secret part was shown once, at creation, and is not stored. */
export function ApiKeysTable({ keys, showOwner = false, revoke }: ApiKeysTableProps) {
  const columns = showOwner ? 8 : 7;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="api-keys-table" aria-label="API keys">
        <thead>
          <tr>
            {showOwner ? <th scope="col">Owner</th> : null}
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.length === 0 ? <EmptyRow colSpan={columns}>No API keys</EmptyRow> : null}
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
        </tbody>
      </table>
    </div>
  );
}
