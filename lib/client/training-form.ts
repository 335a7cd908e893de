import { trainingRequestSchema } from "@/lib/ml/training/training-request";
import type { TrainingRequestBody } from "@/lib/client/use-model-actions";

/** The train form's fields as typed text; sizes default small so a run takes seconds to a minute. */
export interface TrainingFormState {
  dataSource: "dataset" | "bars";
  datasetId: string;
  symbol: string;
  interval: "1m" | "5m" | "1h";
  seed: string;
  horizon: string;
  deadZone: string;
  trees: string;
  lstmEpochs: string;
  dqnEpisodes: string;
}

export const INITIAL_TRAINING_FORM: TrainingFormState = {
  dataSource: "dataset", datasetId: "", symbol: "", interval: "1m", seed: "42", horizon: "6", deadZone: "0.001", trees: "15", lstmEpochs: "4", dqnEpisodes: "3",
};

export type TrainingFormErrors = Partial<Record<keyof TrainingFormState, string>>;

/** Where a schema issue's path lands in the form. */
const FIELD_OF_PATH: Record<string, keyof TrainingFormState> = {
  "data.datasetId": "datasetId", "data.symbol": "symbol", "data.interval": "interval", seed: "seed", horizon: "horizon", deadZone: "deadZone",
  "forest.trees": "trees", "lstm.epochs": "lstmEpochs", "dqn.episodes": "dqnEpisodes",
};

const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** The request body, or the fields the API's own schema refuses (checked before anything is sent). */
export function trainingRequestFromForm(state: TrainingFormState): { body: TrainingRequestBody } | { errors: TrainingFormErrors } {
  const body: TrainingRequestBody = {
    data: state.dataSource === "dataset" ? { source: "dataset", datasetId: state.datasetId } : { source: "bars", symbol: state.symbol, interval: state.interval },
    seed: number(state.seed), horizon: number(state.horizon), deadZone: number(state.deadZone),
    forest: { trees: number(state.trees) }, lstm: { epochs: number(state.lstmEpochs) }, dqn: { episodes: number(state.dqnEpisodes) },
  };
  const parsed = trainingRequestSchema.safeParse(body);
  if (parsed.success) return { body };
  const errors: TrainingFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF_PATH[issue.path.join(".")] ?? (state.dataSource === "dataset" ? "datasetId" : "symbol");
    errors[field] ??= field === "datasetId" ? "Choose a dataset" : field === "symbol" ? "Choose a symbol" : issue.message;
  }
  return { errors };
}
