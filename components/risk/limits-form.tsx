"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { updateRiskLimitsAction } from "@/app/actions";
import type { RiskLimits } from "@/lib/domain/account";
import { riskQuery } from "@/lib/client/queries";
import { AdvancedLimitsField, advancedPatch, advancedText } from "./advanced-limits-field";

type Field = { key: keyof RiskLimits; label: string; kind: "decimal" | "integer"; required?: boolean; hint: string };

const FIELDS: Field[] = [
  { key: "maxOrderNotional", label: "Max order value", kind: "decimal", required: true, hint: "quote currency" },
  { key: "maxOrderQuantity", label: "Max order quantity", kind: "decimal", hint: "units, any symbol" },
  { key: "maxPositionFraction", label: "Max position", kind: "decimal", required: true, hint: "fraction of equity per symbol" },
  { key: "maxTotalPositionFraction", label: "Max total position", kind: "decimal", hint: "fraction of equity, all symbols" },
  { key: "maxOpenOrdersNotional", label: "Max open orders value", kind: "decimal", hint: "quote currency" },
  { key: "priceCollarFraction", label: "Price collar", kind: "decimal", hint: "fraction from the reference price" },
  { key: "maxOrdersPerMinute", label: "Orders per minute", kind: "integer", hint: "whole account" },
  { key: "maxOrdersPerMinutePerStrategy", label: "Orders per minute per strategy", kind: "integer", hint: "each strategy" },
  { key: "duplicateWindowMs", label: "Duplicate window", kind: "integer", hint: "milliseconds" },
  { key: "maxDailyLossFraction", label: "Max daily loss", kind: "decimal", hint: "fraction of start-of-day equity" },
  { key: "maxDrawdownFraction", label: "Max drawdown", kind: "decimal", hint: "fraction of peak equity" },
  { key: "staleDataMs", label: "Stale market data after", kind: "integer", hint: "milliseconds" },
];

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
const valuesOf = (limits: RiskLimits) => Object.fromEntries(FIELDS.map((f) => [f.key, text(limits[f.key])]));

/** Every edited field, typed; an emptied optional field becomes null (the limit is removed). */
function patchOf(limits: RiskLimits, values: Record<string, string>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const value = values[f.key].trim();
    if (value === text(limits[f.key])) continue;
    patch[f.key] = value === "" ? (f.required ? value : null) : f.kind === "integer" ? Number(value) : value;
  }
  return patch;
}

/** The limits; admins change them here (validated and audited by the server), everyone else reads them. */
export function LimitsForm({ limits, editable }: { limits: RiskLimits; editable: boolean }) {
  const [values, setValues] = useState(() => valuesOf(limits));
  const [advanced, setAdvanced] = useState(() => advancedText(limits));
  const [formError, setFormError] = useState<string | null>(null);
  const stored = JSON.stringify(limits);
  // Limits changed (saved here, by another admin, or by the engine): show what is stored now.
  useEffect(() => {
    const current = JSON.parse(stored) as RiskLimits;
    setValues(valuesOf(current));
    setAdvanced(advancedText(current));
  }, [stored]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (patch: Record<string, unknown>) => updateRiskLimitsAction(patch),
    onSuccess: (result) => {
      if (result.ok) queryClient.setQueryData(riskQuery().queryKey, (old) => ({ ...old, risk: result.data }));
    },
  });
  const result = save.data;
  return (
    <form
      className="limits-form"
      aria-label="Risk limits"
      data-testid="limits-form"
      onSubmit={(event) => {
        event.preventDefault();
        try {
          setFormError(null);
          save.mutate({ ...patchOf(limits, values), ...advancedPatch(advanced) });
        } catch (error) {
          setFormError(error instanceof Error ? error.message : String(error));
        }
      }}
    >
      {FIELDS.map((f) => (
        <label key={f.key} className="field">
          <span>{f.label}</span>
          <input
            name={f.key} inputMode={f.kind === "integer" ? "numeric" : "decimal"} value={values[f.key]} disabled={!editable}
            onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} data-testid={`limit-${f.key}`} placeholder={f.required ? "" : "off"}
          />
          <small>{f.hint}</small>
        </label>
      ))}
      <AdvancedLimitsField value={advanced} editable={editable} onChange={setAdvanced} />
      {editable ? (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="limits-save">Save limits</button>
          {formError ?? (result && !result.ok ? result.error.message : null) ? (
            <p className="inline-error" role="alert" data-testid="limits-error">{formError ?? (result && !result.ok ? result.error.message : "")}</p>
          ) : null}
          {result?.ok ? <p className="panel-note" role="status" data-testid="limits-saved">Saved; the engine applies them at once.</p> : null}
        </div>
      ) : (
        <p className="panel-note">Only an admin can change the limits.</p>
      )}
    </form>
  );
}
