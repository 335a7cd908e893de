"use client";

import type { RunFormState } from "@/lib/client/backtest-form";
import type { FormSectionProps } from "./form-section";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

const ENTRY_TYPES: ReadonlyArray<{ value: RunFormState["entryType"]; label: string }> = [
  { value: "market", label: "market" },
  { value: "limit", label: "limit (better than the signal close)" },
  { value: "stop", label: "stop (through the signal close)" },
];

/** Per-trade exits, how entries are sent, and the pre-trade limits every backtest order passes. */
export function ExitEntryFields({ state, errors, set }: FormSectionProps) {
  return (
    <fieldset className="form-group">
      <legend>Exits, entries and risk limits</legend>
      <div className="form-row">
        <TextField label="Stop-loss (fraction, optional)" hint="0.02 = 2% from entry" inputMode="decimal" value={state.stopLoss} onChange={(v) => set("stopLoss", v)} error={errors.stopLoss} />
        <TextField label="Take-profit (fraction, optional)" inputMode="decimal" value={state.takeProfit} onChange={(v) => set("takeProfit", v)} error={errors.takeProfit} />
        <TextField label="Trailing stop (fraction, optional)" inputMode="decimal" value={state.trailingStop} onChange={(v) => set("trailingStop", v)} error={errors.trailingStop} />
      </div>
      <div className="form-row">
        <SelectField label="Entry order" value={state.entryType} options={ENTRY_TYPES} onChange={(v) => set("entryType", v)} />
        {state.entryType === "market" ? null : (
          <>
            <TextField label="Entry offset (fraction)" inputMode="decimal" value={state.entryOffset} onChange={(v) => set("entryOffset", v)} error={errors.entryOffset} />
            <TextField label="Entry valid for (bars, optional)" inputMode="numeric" value={state.entryValidBars} onChange={(v) => set("entryValidBars", v)} error={errors.entryValidBars} />
          </>
        )}
      </div>
      <div className="form-row">
        <TextField label="Max order notional (optional)" inputMode="decimal" value={state.maxOrderNotional} onChange={(v) => set("maxOrderNotional", v)} error={errors.maxOrderNotional} />
        <TextField label="Max position (fraction of equity, optional)" inputMode="decimal" value={state.maxPositionFraction} onChange={(v) => set("maxPositionFraction", v)} error={errors.maxPositionFraction} />
      </div>
    </fieldset>
  );
}
