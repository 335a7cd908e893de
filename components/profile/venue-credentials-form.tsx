"use client";

import { useState, type FormEvent } from "react";
import { storeVenueCredentialsAction } from "@/app/profile/actions";
import type { Venue } from "@/lib/server/profile/venue-credentials";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";

/** Stores (or replaces) a venue key and secret; they are encrypted on the server and never shown again. */
export function VenueCredentialsForm({ venues }: { venues: readonly Venue[] }) {
  const [venue, setVenue] = useState<Venue>(venues[0] ?? "bybit");
  const [apiKey, setApiKey] = useState("");
  const [apiSecret, setApiSecret] = useState("");
  const [saved, setSaved] = useState(false);
  const store = useServerAction(storeVenueCredentialsAction);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const result = await store.run({ venue, apiKey: apiKey.trim(), apiSecret: apiSecret.trim() });
    if (!result) return;
    setApiKey("");
    setApiSecret("");
    setSaved(true);
  }

  return (
    <form className="stack-form" data-testid="venue-credentials-form" onSubmit={submit} aria-label="Store venue credentials">
      <label className="field">
        <span>Venue</span>
        <select value={venue} onChange={(e) => setVenue(venues.find((v) => v === e.target.value) ?? venue)} data-testid="venue-select">
          {venues.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>API key</span>
        <input type="text" autoComplete="off" spellCheck={false} required minLength={8} value={apiKey} onChange={(e) => setApiKey(e.target.value)} data-testid="venue-api-key" />
      </label>
      <label className="field">
        <span>API secret</span>
        <input type="password" autoComplete="off" required minLength={8} value={apiSecret} onChange={(e) => setApiSecret(e.target.value)} data-testid="venue-api-secret" />
      </label>
      <button type="submit" className="button button-primary" disabled={store.pending} data-testid="venue-submit">
        {store.pending ? "Saving…" : "Save credentials"}
      </button>
      <ActionError error={store.error} testId="venue-error" />
      {saved ? (
        <p className="form-success" role="status" data-testid="venue-saved">
          Saved, encrypted. Only the last four characters of the key are shown from now on.
        </p>
      ) : null}
    </form>
  );
}
