"use client";

import type { RunFormState } from "@/lib/client/backtest-form";
import type { FormSectionProps } from "./form-section";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

const FILL_OPTIONS: ReadonlyArray<{ value: RunFormState["fill"]; label: string }> = [
  { value: "next-open", label: "next bar's open" },
  { value: "close", label: "signal bar's close" },
  { value: "intrabar", label: "next trade print (trades data)" },
];

const BAR_INTERVALS: ReadonlyArray<{ value: RunFormState["barInterval"]; label: string }> = [
  { value: "1s", label: "1 second" },
  { value: "1m", label: "1 minute" },
  { value: "5m", label: "5 minutes" },
  { value: "1h", label: "1 hour" },
];

/** Cash, costs and how orders fill. */
export function ExecutionFields({ state, errors, set }: FormSectionProps) {
  return (
    <fieldset className="form-group">
      <legend>Cash, costs and fills</legend>
      <div className="form-row">
        <TextField label="Cash" inputMode="decimal" value={state.cash} onChange={(v) => set("cash", v)} error={errors.cash} testId="run-cash" />
        <TextField label="Commission (fraction per side)" hint="0.002 = 0.2% at entry and exit" inputMode="decimal" value={state.commission} onChange={(v) => set("commission", v)} error={errors.commission} />
        <TextField label="Spread (fraction)" inputMode="decimal" value={state.spread} onChange={(v) => set("spread", v)} error={errors.spread} />
        <TextField label="Slippage (bps)" inputMode="decimal" value={state.slippageBps} onChange={(v) => set("slippageBps", v)} error={errors.slippageBps} />
      </div>
      <div className="form-row">
        <SelectField label="Fill" value={state.fill} options={FILL_OPTIONS} onChange={(v) => set("fill", v)} error={errors.fill} />
        <SelectField label="Bars from trades data" value={state.barInterval} options={BAR_INTERVALS} onChange={(v) => set("barInterval", v)} />
        <label className="check">
          <input type="checkbox" checked={state.exclusiveOrders} onChange={(e) => set("exclusiveOrders", e.target.checked)} />
          Exclusive orders (a new entry first closes the open trade)
        </label>
        <label className="check">
          <input type="checkbox" checked={state.finalize} onChange={(e) => set("finalize", e.target.checked)} />
          Finalize (close open trades on the last bar)
        </label>
      </div>
    </fieldset>
  );
}
