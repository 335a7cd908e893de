"use client";

import type { RiskLimits } from "@/lib/domain/account";

/** The limits that are lists or objects, edited as one JSON document (the server validates every field). */
export const ADVANCED_KEYS = ["allowedSymbols", "tradingSessions", "perSymbol", "rejectBurst", "flattenOnHalt", "protections"] as const;

export function advancedText(limits: RiskLimits): string {
  return JSON.stringify(Object.fromEntries(ADVANCED_KEYS.map((k) => [k, limits[k] ?? null])), null, 2);
}

/** The edited document as a patch: a key set to null removes that limit. Throws a readable error on bad JSON. */
export function advancedPatch(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Advanced limits are not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("Advanced limits must be a JSON object");
  return parsed as Record<string, unknown>;
}

export function AdvancedLimitsField({ value, editable, onChange }: { value: string; editable: boolean; onChange: (text: string) => void }) {
  return (
    <label className="field advanced-limits">
      <span>Symbols, sessions, per-symbol limits and protections (JSON)</span>
      <textarea rows={12} spellCheck={false} value={value} disabled={!editable} onChange={(e) => onChange(e.target.value)} data-testid="limits-advanced" />
      <small>
        allowedSymbols: [&quot;BTCUSDT&quot;]; tradingSessions: [{"{"}&quot;days&quot;:[1,2,3,4,5],&quot;from&quot;:&quot;08:00&quot;,&quot;to&quot;:&quot;22:00&quot;{"}"}] (UTC);
        perSymbol: {"{"}&quot;BTCUSDT&quot;:{"{"}&quot;maxPositionFraction&quot;:&quot;0.02&quot;{"}"}{"}"}; protections: stoplossGuard, cooldownAfterExitMs, lowProfit. null turns one off.
      </small>
    </label>
  );
}
