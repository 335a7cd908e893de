"use client";

import { useState, type FormEvent } from "react";
import { errorText } from "@/lib/client/api-client";
import { INITIAL_TRAINING_FORM, trainingRequestFromForm, type TrainingFormErrors, type TrainingFormState } from "@/lib/client/training-form";
import { useStartTraining } from "@/lib/client/use-model-actions";
import { ChoiceToggle } from "@/components/backtests/run-form/choice-toggle";
import { TextField } from "@/components/backtests/run-form/text-field";
import { TrainingDataFields } from "./training-data-fields";

const SOURCES = [
  { value: "dataset", label: "Uploaded file" },
  { value: "bars", label: "Stored bars" },
] as const;

/** Trains the Random Forest, LSTM, Double DQN and their ensemble on one data set; the API queues the job. */
export function TrainForm({ onStarted }: { onStarted?: (runId: string) => void }) {
  const [state, setState] = useState<TrainingFormState>(INITIAL_TRAINING_FORM);
  const [errors, setErrors] = useState<TrainingFormErrors>({});
  const start = useStartTraining();
  const set = <K extends keyof TrainingFormState>(key: K, value: TrainingFormState[K]) => setState((s) => ({ ...s, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = trainingRequestFromForm(state);
    if ("errors" in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    start.mutate(result.body, { onSuccess: ({ runId }) => onStarted?.(runId) });
  };

  return (
    <form className="stack-form" aria-label="Train models" onSubmit={submit} noValidate>
      <fieldset className="form-group">
        <legend>Data</legend>
        <ChoiceToggle label="Data source" value={state.dataSource} options={SOURCES} onChange={(v) => set("dataSource", v)} />
        <TrainingDataFields state={state} errors={errors} set={set} />
      </fieldset>
      <fieldset className="form-group">
        <legend>Labels</legend>
        <div className="form-row">
          <TextField label="Horizon (bars)" value={state.horizon} onChange={(v) => set("horizon", v)} error={errors.horizon} inputMode="numeric" />
          <TextField label="Dead zone" value={state.deadZone} onChange={(v) => set("deadZone", v)} error={errors.deadZone} inputMode="decimal" hint="fraction, 0.001 = 0.1 %" />
          <TextField label="Seed" value={state.seed} onChange={(v) => set("seed", v)} error={errors.seed} inputMode="numeric" />
        </div>
      </fieldset>
      <fieldset className="form-group">
        <legend>Sizes</legend>
        <div className="form-row">
          <TextField label="Forest trees" value={state.trees} onChange={(v) => set("trees", v)} error={errors.trees} inputMode="numeric" />
          <TextField label="LSTM epochs" value={state.lstmEpochs} onChange={(v) => set("lstmEpochs", v)} error={errors.lstmEpochs} inputMode="numeric" />
          <TextField label="DQN episodes" value={state.dqnEpisodes} onChange={(v) => set("dqnEpisodes", v)} error={errors.dqnEpisodes} inputMode="numeric" />
        </div>
      </fieldset>
      <button type="submit" className="button button-primary" disabled={start.isPending}>
        {start.isPending ? "Starting…" : "Train"}
      </button>
      {start.error ? (
        <p className="inline-error" role="alert">
          {errorText(start.error)}
        </p>
      ) : null}
    </form>
  );
}
