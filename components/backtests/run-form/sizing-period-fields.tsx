"use client";

import type { RunFormState } from "@/lib/client/backtest-form";
import type { FormSectionProps } from "./form-section";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

const SIZINGS: ReadonlyArray<{ value: RunFormState["sizing"]; label: string }> = [
  { value: "all-in-units", label: "all in (whole units)" },
  { value: "fixed", label: "fixed quantity" },
  { value: "fraction", label: "fraction of equity" },
  { value: "risk", label: "fixed risk per trade (needs a stop-loss)" },
];

/** Position size per entry, and the period of the data to test. */
export function SizingPeriodFields({ state, errors, set }: FormSectionProps) {
  return (
    <fieldset className="form-group">
      <legend>Sizing and period</legend>
      <div className="form-row">
        <SelectField label="Sizing" value={state.sizing} options={SIZINGS} onChange={(v) => set("sizing", v)} />
        {state.sizing === "fixed" ? (
          <TextField label="Quantity per entry" inputMode="decimal" value={state.quantity} onChange={(v) => set("quantity", v)} error={errors.quantity} />
        ) : null}
        {state.sizing === "fraction" ? (
          <TextField label="Fraction of equity (0 to 1)" inputMode="decimal" value={state.fraction} onChange={(v) => set("fraction", v)} error={errors.fraction} />
        ) : null}
        {state.sizing === "risk" ? (
          <TextField label="Equity at risk per trade (fraction)" hint="0.01 = lose 1% of equity at the stop" inputMode="decimal" value={state.riskFraction} onChange={(v) => set("riskFraction", v)} error={errors.riskFraction} />
        ) : null}
      </div>
      <div className="form-row">
        <TextField label="From (UTC, optional)" type="datetime-local" value={state.from} onChange={(v) => set("from", v)} error={errors.from} />
        <TextField label="To (UTC, optional)" type="datetime-local" value={state.to} onChange={(v) => set("to", v)} error={errors.to} />
      </div>
    </fieldset>
  );
}
