"use client";

import { useState, type FormEvent } from "react";
import { INITIAL_RUN_FORM, runRequestFromForm, type RunFormErrors, type RunFormState } from "@/lib/client/backtest-form";
import { errorText } from "@/lib/client/api-client";
import { useStartRun } from "@/lib/client/use-backtest-actions";
import { ChoiceToggle } from "./choice-toggle";
import { DataSourceFields } from "./data-source-fields";
import { ExecutionFields } from "./execution-fields";
import { ExitEntryFields } from "./exit-entry-fields";
import type { SetRunField } from "./form-section";
import { SizingPeriodFields } from "./sizing-period-fields";
import { OptimizeFields, StrategyFields } from "./strategy-fields";
import { TextField } from "./text-field";

const MODES = [
  { value: "backtest", label: "Backtest" },
  { value: "optimize", label: "Optimise" },
] as const;

/**
 * Checks the request with the API's own schema before sending it; whatever the server still refuses is shown under
 * the button. The run then lives on the server: the list picks it up even if this tab closes.
 */
export function RunForm({ onStarted }: { onStarted: (runId: string) => void }) {
  const [state, setState] = useState<RunFormState>(INITIAL_RUN_FORM);
  const [errors, setErrors] = useState<RunFormErrors>({});
  const start = useStartRun();

  const set: SetRunField = (field, value) => {
    setState((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (start.isPending) return;
    const result = runRequestFromForm(state);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    start.mutate(result.request, { onSuccess: ({ run }) => onStarted(run.id) });
  }

  const invalid = Object.keys(errors).length > 0;
  const section = { state, errors, set };
  return (
    <form className="stack-form run-form" aria-label="Run a backtest" data-testid="run-form" onSubmit={submit} noValidate>
      <div className="form-row">
        <ChoiceToggle label="Run mode" value={state.mode} options={MODES} onChange={(v) => set("mode", v)} />
        <TextField label="Name (optional)" value={state.name} onChange={(v) => set("name", v)} error={errors.name} testId="run-name" />
      </div>
      <DataSourceFields {...section} />
      {state.mode === "backtest" ? <StrategyFields {...section} /> : <OptimizeFields {...section} />}
      <ExecutionFields {...section} />
      <SizingPeriodFields {...section} />
      <ExitEntryFields {...section} />
      <button type="submit" className="button button-primary" disabled={start.isPending} data-testid="run-submit">
        {start.isPending ? "Starting…" : state.mode === "backtest" ? "Run backtest" : "Run optimisation"}
      </button>
      {invalid ? (
        <p className="inline-error" role="alert" data-testid="run-form-invalid">
          {errors.form ?? "Check the highlighted fields."}
        </p>
      ) : null}
      {start.error ? (
        <p className="inline-error" role="alert" data-testid="run-form-error">
          The server refused the run: {errorText(start.error)}
        </p>
      ) : null}
    </form>
  );
}
