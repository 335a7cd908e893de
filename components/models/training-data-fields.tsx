"use client";

import { useQuery } from "@tanstack/react-query";
import { BAR_SOURCE_INTERVALS } from "@/lib/client/backtest-form";
import { backtestDatasetsQuery } from "@/lib/client/backtest-queries";
import { statusQuery } from "@/lib/client/queries";
import type { TrainingFormErrors, TrainingFormState } from "@/lib/client/training-form";
import { SelectField } from "@/components/backtests/run-form/select-field";

interface TrainingDataFieldsProps {
  state: TrainingFormState;
  errors: TrainingFormErrors;
  set: <K extends keyof TrainingFormState>(key: K, value: TrainingFormState[K]) => void;
}

const INTERVAL_OPTIONS = BAR_SOURCE_INTERVALS.map((i) => ({ value: i, label: i }));

/** A dataset uploaded on the Backtests page, or the engine's stored bars of one symbol and interval. */
export function TrainingDataFields({ state, errors, set }: TrainingDataFieldsProps) {
  const datasets = useQuery(backtestDatasetsQuery());
  const status = useQuery(statusQuery());
  if (state.dataSource === "dataset") {
    const options = (datasets.data?.datasets ?? []).map((d) => ({ value: d.id, label: `${d.name} · ${d.symbol} · ${d.barCount} ${d.kind === "trades" ? "trades" : "bars"}` }));
    return (
      <SelectField
        label="Dataset"
        value={state.datasetId}
        options={options}
        onChange={(id) => set("datasetId", id)}
        placeholder={options.length === 0 ? "Upload one on the Backtests page" : "Choose an uploaded dataset"}
        error={errors.datasetId}
      />
    );
  }
  const symbols = (status.data?.instruments ?? []).map((i) => ({ value: i.symbol, label: i.symbol }));
  return (
    <div className="form-row">
      <SelectField label="Symbol" value={state.symbol} options={symbols} onChange={(s) => set("symbol", s)} placeholder="Choose a symbol" error={errors.symbol} />
      <SelectField label="Interval" value={state.interval} options={INTERVAL_OPTIONS} onChange={(i) => set("interval", i)} error={errors.interval} />
    </div>
  );
}
