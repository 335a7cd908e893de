"use client";

import { deleteVenueCredentialsAction } from "@/app/profile/actions";
import type { VenueCredentialView } from "@/lib/server/profile/venue-credentials";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";
import { UtcTime } from "@/components/auth/utc-time";
import { DataTable } from "@/components/ui/data-table";

const CREDENTIAL_COLUMNS = [{ label: "Venue" }, { label: "API key" }, { label: "Updated" }, { label: "Actions", hidden: true }];

function DeleteButton({ id, venue }: { id: string; venue: string }) {
  const remove = useServerAction(deleteVenueCredentialsAction);
  return (
    <span className="cancel-cell">
      <button type="button" className="button button-small" disabled={remove.pending} onClick={() => void remove.run({ id })} aria-label={`Delete ${venue} credentials`} data-testid="venue-credential-delete">
        {remove.pending ? "Deleting…" : "Delete"}
      </button>
      <ActionError error={remove.error} testId="venue-delete-error" />
    </span>
  );
}

export function VenueCredentialsTable({ credentials }: { credentials: VenueCredentialView[] }) {
  return (
    <DataTable label="Stored venue credentials" testId="venue-credentials-table" columns={CREDENTIAL_COLUMNS} scroll="none" empty={credentials.length === 0 ? "No venue credentials stored" : null}>
      {credentials.map((c) => (
        <tr key={c.id} data-testid="venue-credential-row" data-venue={c.venue}>
          <th scope="row">{c.venue}</th>
          <td>
            <code data-testid="venue-credential-hint">{c.maskedKey}</code>
          </td>
          <td>
            <UtcTime at={c.updatedAt} />
          </td>
          <td>
            <DeleteButton id={c.id} venue={c.venue} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
