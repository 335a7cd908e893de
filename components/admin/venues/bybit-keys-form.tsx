"use client";

import { useState, type FormEvent } from "react";
import { storeBybitKeysAction } from "@/app/admin/venues/actions";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";

/** Stores (or replaces) the admin's Bybit key and secret: sealed on the server, the secret is never shown again. */
export function BybitKeysForm() {
  const [apiKey, setApiKey] = useState("");
  const [apiSecret, setApiSecret] = useState("");
  const [effect, setEffect] = useState<string | null>(null);
  const store = useServerAction(storeBybitKeysAction);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setEffect(null);
    const result = await store.run({ apiKey: apiKey.trim(), apiSecret: apiSecret.trim() });
    if (!result) return;
    setApiKey("");
    setApiSecret("");
    setEffect(result.effect);
  }

  return (
    <form className="stack-form" data-testid="bybit-keys-form" onSubmit={submit} aria-label="Store Bybit API keys">
      <label className="field">
        <span>API key</span>
        <input type="text" autoComplete="off" spellCheck={false} required minLength={8} value={apiKey} onChange={(e) => setApiKey(e.target.value)} data-testid="bybit-api-key" />
      </label>
      <label className="field">
        <span>API secret</span>
        <input type="password" autoComplete="new-password" required minLength={8} value={apiSecret} onChange={(e) => setApiSecret(e.target.value)} data-testid="bybit-api-secret" />
      </label>
      <button type="submit" className="button button-primary" disabled={store.pending} data-testid="bybit-keys-submit">
        {store.pending ? "Saving…" : "Save keys"}
      </button>
      <ActionError error={store.error} testId="bybit-keys-error" />
      {effect ? <p className="form-success" role="status" data-testid="bybit-keys-saved">{effect}</p> : null}
    </form>
  );
}
