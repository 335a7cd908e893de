"use client";

import { useQuery } from "@tanstack/react-query";
import type { DatasetSummary } from "@/lib/backtest/jobs/run-view";
import { BAR_SOURCE_INTERVALS } from "@/lib/client/backtest-form";
import { backtestDatasetsQuery } from "@/lib/client/backtest-queries";
import { formatRunTime } from "@/lib/client/backtest-format";
import { statusQuery } from "@/lib/client/queries";
import { ChoiceToggle } from "./choice-toggle";
import { DatasetUpload } from "./dataset-upload";
import { DeleteDatasetButton } from "./delete-dataset-button";
import type { FormSectionProps } from "./form-section";
import { SelectField } from "./select-field";

const SOURCES = [
  { value: "dataset", label: "Uploaded file" },
  { value: "bars", label: "Stored bars" },
] as const;

const INTERVAL_OPTIONS = BAR_SOURCE_INTERVALS.map((i) => ({ value: i, label: i }));

function datasetLabel(d: DatasetSummary): string {
  const rows = `${d.barCount} ${d.kind === "trades" ? "trades" : "bars"}`;
  return `${d.name} · ${d.symbol} · ${rows} · ${formatRunTime(d.firstTime)} to ${formatRunTime(d.lastTime)}`;
}

function UploadedData({ state, errors, set }: FormSectionProps) {
  const { data } = useQuery(backtestDatasetsQuery());
  const datasets = data?.datasets ?? [];
  const options = datasets.map((d) => ({ value: d.id, label: datasetLabel(d) }));
  const chosen = datasets.find((d) => d.id === state.datasetId);
  return (
    <>
      <DatasetUpload onUploaded={(dataset) => set("datasetId", dataset.id)} />
      <SelectField
        label="Dataset"
        value={state.datasetId}
        options={options}
        onChange={(id) => set("datasetId", id)}
        placeholder="Choose an uploaded dataset"
        error={errors.datasetId}
        testId="dataset-select"
      />
      {chosen ? <DeleteDatasetButton dataset={chosen} onDeleted={() => set("datasetId", "")} /> : null}
    </>
  );
}

function StoredBars({ state, errors, set }: FormSectionProps) {
  const { data } = useQuery(statusQuery());
  const options = (data?.instruments ?? []).map((i) => ({ value: i.symbol, label: i.symbol }));
  return (
    <div className="form-row">
      <SelectField label="Symbol" value={state.symbol} options={options} onChange={(s) => set("symbol", s)} placeholder="Choose a symbol" error={errors.symbol} />
      <SelectField label="Interval" value={state.interval} options={INTERVAL_OPTIONS} onChange={(i) => set("interval", i)} error={errors.interval} />
    </div>
  );
}

export function DataSourceFields(props: FormSectionProps) {
  return (
    <fieldset className="form-group">
      <legend>Data</legend>
      <ChoiceToggle label="Data source" value={props.state.dataSource} options={SOURCES} onChange={(v) => props.set("dataSource", v)} />
      {props.state.dataSource === "dataset" ? <UploadedData {...props} /> : <StoredBars {...props} />}
    </fieldset>
  );
}
