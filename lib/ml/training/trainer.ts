import type { RecordedBar } from "@/lib/market/replay/recording";
import type { Predictions } from "@/lib/ml/evaluation/baselines";
import { TrainingCancelled } from "@/lib/ml/neural/training-cancelled";
import { ensemblePredictions, ensembleWeights, type EnsembleArtifact } from "./ensemble-member";
import type { ModelKind, StageProgress, TrainedMember } from "./member-predictor";
import { trainDqnMember } from "./train-dqn-member";
import { trainForestMember } from "./train-forest-member";
import { trainLstmMember } from "./train-lstm-member";
import type { TrainingRequest } from "./training-request";
import { buildTrainingSamples, samplePart, type SamplePart } from "./training-samples";
import { baselinePredictions, scoreWindow, windowScores, type WindowScores } from "./window-scores";

/** One model as the registry stores it. */
export interface TrainedModel {
  kind: ModelKind;
  params: Record<string, unknown>;
  artifact: unknown;
  metrics: { validation: WindowScores; test: WindowScores };
  durationMs: number;
}

export interface TrainingOutput {
  featureSetVersion: string;
  /** Open times of the first and last bar trained or scored on. */
  dataFrom: number;
  dataTo: number;
  samples: { train: number; validation: number; test: number };
  /** rf, lstm, ddqn, then the ensemble of the three. */
  models: TrainedModel[];
  durationMs: number;
}

export interface TrainerHooks {
  /** Overall fraction 0..1 and what is happening; awaited, so a job can write it and look for a cancel. */
  progress: (fraction: number, stage: string) => Promise<void>;
  signal: AbortSignal;
}

/** Where each stage's progress lies within the whole run. */
const STAGES = { prepare: [0, 0.05], rf: [0.05, 0.15], lstm: [0.15, 0.55], ddqn: [0.55, 0.9], evaluate: [0.9, 1] } as const;

function stageProgress(hooks: TrainerHooks, stage: keyof typeof STAGES): StageProgress {
  const [from, to] = STAGES[stage];
  return (fraction, detail) => hooks.progress(from + (to - from) * fraction, detail);
}

function checkCancelled(signal: AbortSignal, completed: number): void {
  if (signal.aborted) throw new TrainingCancelled(completed);
}

/**
 * Trains the three members on the training part with the request's seed, learns the ensemble's weights on the
 * validation part, and scores all four beside the baselines on validation and test. Pure CPU work on bars already
 * loaded: a job runs it in a worker thread. Stops with TrainingCancelled between stages, epochs and episodes.
 */
export async function trainModels(bars: readonly RecordedBar[], request: TrainingRequest, hooks: TrainerHooks): Promise<TrainingOutput> {
  const started = performance.now();
  await hooks.progress(0, "building features and labels");
  const samples = buildTrainingSamples(bars, request);
  const [train, validation, test] = [samples.split.train, samples.split.validation, samples.split.test].map((part) => samplePart(samples, part));
  const members: TrainedMember[] = [];
  try {
    checkCancelled(hooks.signal, 0);
    await hooks.progress(STAGES.rf[0], "training random forest");
    members.push(trainForestMember(samples, train, request));
    checkCancelled(hooks.signal, 1);
    members.push(await trainLstmMember(samples, train, request, stageProgress(hooks, "lstm"), hooks.signal));
    checkCancelled(hooks.signal, 2);
    members.push(await trainDqnMember(bars, samples, train, request, stageProgress(hooks, "ddqn"), hooks.signal));
    checkCancelled(hooks.signal, 3);
    await hooks.progress(STAGES.evaluate[0], "scoring on validation and test beside the baselines");
    const models = await scoreModels(bars, members, { train, validation, test }, request);
    await hooks.progress(1, "done");
    return {
      featureSetVersion: samples.dataset.featureSetVersion, dataFrom: bars[train.bars[0]].openTime, dataTo: bars[test.bars[test.bars.length - 1]].openTime,
      samples: { train: train.bars.length, validation: validation.bars.length, test: test.bars.length }, models, durationMs: Math.round(performance.now() - started),
    };
  } finally {
    for (const member of members) member.dispose();
  }
}

type Parts = { train: SamplePart; validation: SamplePart; test: SamplePart };

async function scoreModels(bars: readonly RecordedBar[], members: readonly TrainedMember[], parts: Parts, request: TrainingRequest): Promise<TrainedModel[]> {
  const started = performance.now();
  const onValidation = await Promise.all(members.map((m) => m.predict(parts.validation.positions)));
  const onTest = await Promise.all(members.map((m) => m.predict(parts.test.positions)));
  const weights = ensembleWeights(onValidation, parts.validation.labels);
  const kinds = members.map((m) => m.kind);
  const ensemble = { validation: ensemblePredictions(weights, onValidation, kinds), test: ensemblePredictions(weights, onTest, kinds) };
  const score = (part: SamplePart, predictions: Predictions[]) => {
    const named = Object.fromEntries([...kinds, "ensemble"].map((kind, i) => [kind, predictions[i]]));
    const rows = scoreWindow(bars, part, { ...named, ...baselinePredictions(bars, part, parts.train.labels, request) }, request);
    const baselines = Object.fromEntries(Object.entries(rows).filter(([name]) => !(name in named)));
    return (kind: string) => windowScores(bars, part, rows[kind], baselines);
  };
  const validationOf = score(parts.validation, [...onValidation, ensemble.validation]);
  const testOf = score(parts.test, [...onTest, ensemble.test]);
  const trained: TrainedModel[] = members.map((m) => ({
    kind: m.kind, params: m.params, artifact: m.artifact, durationMs: m.durationMs, metrics: { validation: validationOf(m.kind), test: testOf(m.kind) },
  }));
  const artifact: EnsembleArtifact = { kind: "ensemble", members: kinds.map((kind, i) => ({ kind, versionId: null, weight: weights[i] })) };
  trained.push({
    kind: "ensemble", params: { weights: Object.fromEntries(kinds.map((k, i) => [k, weights[i]])), learnedOn: "validation", horizon: request.horizon, deadZone: request.deadZone }, artifact,
    durationMs: Math.round(performance.now() - started), metrics: { validation: validationOf("ensemble"), test: testOf("ensemble") },
  });
  return trained;
}
