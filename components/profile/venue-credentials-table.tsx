"use client";

import { deleteVenueCredentialsAction } from "@/app/profile/actions";
import type { VenueCredentialView } from "@/lib/server/profile/venue-credentials";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";
import { UtcTime } from "@/components/auth/utc-time";
import { EmptyRow } from "@/components/ui/empty-row";

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
    <table className="table" data-testid="venue-credentials-table" aria-label="Stored venue credentials">
      <thead>
        <tr>
          <th scope="col">Venue</th>
          <th scope="col">API key</th>
          <th scope="col">Updated</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {credentials.length === 0 ? <EmptyRow colSpan={4}>No venue credentials stored</EmptyRow> : null}
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
      </tbody>
    </table>
  );
}
