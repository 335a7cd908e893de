import type { RunFormErrors, RunFormField, RunFormState } from "@/lib/client/backtest-form";

export type SetRunField = <K extends RunFormField>(field: K, value: RunFormState[K]) => void;

/** What every part of the run form gets: the whole state, the messages, and one setter. */
export interface FormSectionProps {
  state: RunFormState;
  errors: RunFormErrors;
  set: SetRunField;
}
