"use client";

import { useState } from "react";

/** The full key, once: it is stored only as a hash, so closing this loses it for good. */
export function NewKeyNotice({ value, onDismiss }: { value: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="secret-notice" role="status" data-testid="api-key-new">
      <p className="secret-warning">Copy this key now. It is shown only this once and cannot be recovered; if it is lost, revoke it and create another.</p>
      <code className="secret-value" data-testid="api-key-new-value">
        {value}
      </code>
      <div className="form-row">
        <button type="button" className="button button-small" onClick={copy} data-testid="api-key-copy">
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" className="button button-small" onClick={onDismiss} data-testid="api-key-dismiss">
          I have stored it
        </button>
        {copied === false ? <span className="inline-error">Copying failed; select the key and copy it by hand.</span> : null}
      </div>
    </div>
  );
}
