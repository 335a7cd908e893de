"use client";

import { OPTIMIZE_METRICS } from "@/lib/client/backtest-form";
import type { FormSectionProps } from "./form-section";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

const METRIC_OPTIONS = OPTIMIZE_METRICS.map((m) => ({ value: m, label: m }));

/** sma-cross with one fast/slow pair: the backtest mode. */
export function StrategyFields({ state, errors, set }: FormSectionProps) {
  return (
    <fieldset className="form-group">
      <legend>Strategy: SMA cross</legend>
      <div className="form-row">
        <TextField label="Fast SMA (bars)" inputMode="numeric" value={state.fast} onChange={(v) => set("fast", v)} error={errors.fast} testId="strategy-fast" />
        <TextField label="Slow SMA (bars)" inputMode="numeric" value={state.slow} onChange={(v) => set("slow", v)} error={errors.slow} testId="strategy-slow" />
      </div>
    </fieldset>
  );
}

/** The optimisation mode: a grid of fast/slow values ranked on walk-forward out-of-sample windows. */
export function OptimizeFields({ state, errors, set }: FormSectionProps) {
  return (
    <fieldset className="form-group">
      <legend>Optimise SMA cross (walk-forward)</legend>
      <div className="form-row">
        <TextField label="Fast values" hint="comma separated, e.g. 5, 10, 15" value={state.gridFast} onChange={(v) => set("gridFast", v)} error={errors.gridFast} />
        <TextField label="Slow values" hint="every fast < slow pair is tried" value={state.gridSlow} onChange={(v) => set("gridSlow", v)} error={errors.gridSlow} />
      </div>
      <div className="form-row">
        <SelectField label="Metric to maximise" value={state.metric} options={METRIC_OPTIONS} onChange={(m) => set("metric", m)} error={errors.metric} />
        <TextField label="Train window (bars)" inputMode="numeric" value={state.trainBars} onChange={(v) => set("trainBars", v)} error={errors.trainBars} />
        <TextField label="Test window (bars)" inputMode="numeric" value={state.testBars} onChange={(v) => set("testBars", v)} error={errors.testBars} />
        <TextField label="Step (bars)" hint="empty: the test window" inputMode="numeric" value={state.stepBars} onChange={(v) => set("stepBars", v)} error={errors.stepBars} />
      </div>
    </fieldset>
  );
}
