"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/api-types";
import type { Scope } from "@/lib/domain/roles";
import type { NewApiKey } from "@/lib/server/profile/own-api-keys";
import { ActionError } from "@/components/auth/action-error";
import { useServerAction } from "@/components/auth/use-server-action";
import { NewKeyNotice } from "@/components/profile/new-key-notice";
import { ScopePicker } from "@/components/profile/scope-picker";

interface ApiKeyCreateFormProps {
  /** The scopes the key's owner may hold; the server refuses any other. */
  allowedScopes: readonly Scope[];
  create: (input: { name: string; scopes: Scope[] }) => Promise<ActionResult<NewApiKey>>;
  /** Extra fields before the name (the admin page's owner picker). */
  children?: ReactNode;
}

export function ApiKeyCreateForm({ allowedScopes, create, children }: ApiKeyCreateFormProps) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["read"]);
  const [created, setCreated] = useState<string | null>(null);
  const action = useServerAction(create);
  const chosen = scopes.filter((s) => allowedScopes.includes(s));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim() || chosen.length === 0) return;
    const result = await action.run({ name: name.trim(), scopes: chosen });
    if (!result) return;
    setCreated(result.key);
    setName("");
  }

  return (
    <div className="stack-form">
      <form className="stack-form" data-testid="api-key-create-form" onSubmit={submit} aria-label="Create an API key">
        {children}
        <label className="field">
          <span>Name</span>
          <input type="text" required maxLength={60} placeholder="e.g. trading bot" value={name} onChange={(e) => setName(e.target.value)} data-testid="api-key-name" />
        </label>
        <ScopePicker allowed={allowedScopes} value={chosen} onChange={setScopes} />
        <button type="submit" className="button button-primary" disabled={action.pending || !name.trim() || chosen.length === 0} data-testid="api-key-submit">
          {action.pending ? "Creating…" : "Create key"}
        </button>
        <ActionError error={action.error} testId="api-key-error" />
      </form>
      {created ? <NewKeyNotice value={created} onDismiss={() => setCreated(null)} /> : null}
    </div>
  );
}
