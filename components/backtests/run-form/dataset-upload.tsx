"use client";

import type { DatasetSummary } from "@/lib/backtest/jobs/run-view";
import { errorText } from "@/lib/client/api-client";
import { useUploadDataset } from "@/lib/client/use-backtest-actions";

/** Uploads the chosen file at once; the new dataset becomes the run's data. */
export function DatasetUpload({ onUploaded }: { onUploaded: (dataset: DatasetSummary) => void }) {
  const upload = useUploadDataset();
  const uploaded = upload.data?.dataset;
  return (
    <div className="stack-form">
      <label className="field">
        <span>Upload a data file (freqtrade candles or trades .json / .json.gz, backtesting.py .csv)</span>
        <input
          type="file"
          accept=".json,.gz,.csv,application/json,text/csv,application/gzip"
          disabled={upload.isPending}
          data-testid="dataset-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file, { onSuccess: ({ dataset }) => onUploaded(dataset) });
            e.target.value = "";
          }}
        />
      </label>
      <p className="field-hint" role="status" data-testid="dataset-upload-status">
        {upload.isPending
          ? "Uploading…"
          : uploaded
            ? `Uploaded ${uploaded.name}: ${uploaded.barCount} ${uploaded.kind === "trades" ? "trades" : "bars"} of ${uploaded.symbol} (${uploaded.format})`
            : ""}
      </p>
      {upload.error ? (
        <p className="inline-error" role="alert" data-testid="dataset-upload-error">
          {errorText(upload.error)}
        </p>
      ) : null}
    </div>
  );
}
