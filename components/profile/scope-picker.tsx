"use client";

import type { Scope } from "@/lib/domain/roles";

const DESCRIPTIONS: Record<Scope, string> = {
  read: "read: market data, positions, orders",
  trade: "trade: place and cancel orders",
  admin: "admin: manage users, keys and risk",
};

/** Checkboxes for the scopes a key may carry; only those the owner's role allows are offered. */
export function ScopePicker({ allowed, value, onChange }: { allowed: readonly Scope[]; value: Scope[]; onChange: (scopes: Scope[]) => void }) {
  return (
    <fieldset className="scope-picker">
      <legend>Scopes</legend>
      {allowed.map((scope) => (
        <label key={scope} className="check">
          <input
            type="checkbox"
            checked={value.includes(scope)}
            onChange={(e) => onChange(e.target.checked ? [...value, scope] : value.filter((s) => s !== scope))}
            data-testid={`scope-${scope}`}
          />
          <span>{DESCRIPTIONS[scope]}</span>
        </label>
      ))}
    </fieldset>
  );
}
