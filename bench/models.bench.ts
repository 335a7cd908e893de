import type { RecordedBar } from "@/lib/market/replay/recording";
import { FEATURE_WARMUP_BARS, FeaturePipeline } from "@/lib/features/feature-pipeline";
import { EnsemblePredictor, type EnsembleMembers } from "@/lib/ml/inference/ensemble-predictor";
import type { StoredEnsemble } from "@/lib/ml/inference/load-ensemble";
import type { LstmConfig } from "@/lib/ml/neural/lstm-classifier";
import type { BenchResult } from "./harness/bench-result";
import { currentEnvironment } from "./harness/environment";
import { formatMicros, formatRate } from "./harness/format";
import type { LatencySummary } from "./harness/stats";
import { MODELS_DATA_FILE, loadModelBars } from "./models/data";
import { measureIngestWithEnsemble, type IngestWithEnsemble } from "./models/ingest-with-ensemble";
import { latencyOf } from "./models/latency";
import { DQN_TRAINING, FLAT_POSITION, LABELS, LSTM_TRAINING, trainMembers, TRAIN_SAMPLES, VALIDATION_SAMPLES, type TrainedMembers } from "./models/train-members";

export const name = "models";

const TITLE = "Model inference latency per bar (freqtrade 5m candles): feature pipeline vs RF, LSTM, DDQN and the ensemble";
const TARGETS_US = { forest: 200, lstm: 2_000, ensemble: 3_000 };
/** Tick ingest with the ensemble running keeps at least this share of its throughput without it. */
const INGEST_RATIO_TARGET = 0.9;
const TARGET = `p99 per bar: Random Forest < ${TARGETS_US.forest / 1000} ms, LSTM < ${TARGETS_US.lstm / 1000} ms, ensemble < ${TARGETS_US.ensemble / 1000} ms (one core); tick ingest with the ensemble within 10 % of ingest without it`;
const LSTM_CONFIG: LstmConfig = { windowLength: 20, featureCount: 19, units: 32, learningRate: 0.005 };
/** tfjs calls cost milliseconds each: fewer of them keep the benchmark short. */
const DQN_CALLS = 2_000;
const TFJS_LSTM_CALLS = 300;
/** The pipeline's first vector comes on bar 28, the LSTM window is full 19 vectors later. */
const BARS_BEFORE_FIRST_SIGNAL = FEATURE_WARMUP_BARS - 1 + LSTM_CONFIG.windowLength - 1;

interface Latencies {
  features: LatencySummary;
  forest: LatencySummary;
  lstmForward: LatencySummary;
  lstmTfjs: LatencySummary;
  dqn: LatencySummary;
  dqnForward: LatencySummary;
  ensemble: LatencySummary;
}

/** Per-bar latency of each model and of the whole ensemble, beside the feature pipeline alone; training throughput. */
export async function run(): Promise<BenchResult> {
  const data = await loadModelBars();
  if (data === null) return skipped();
  const trained = await trainMembers(data.bars, LSTM_CONFIG);
  const latencies = measureLatencies(data.bars, trained);
  const agreement = lstmAgreement(trained);
  const ingest = await measureIngestWithEnsemble(storedEnsembleOf(trained));
  trained.lstm.dispose();
  trained.dqn.dispose();
  const met = {
    forest: latencies.forest.p99Us < TARGETS_US.forest,
    lstm: latencies.lstmForward.p99Us < TARGETS_US.lstm,
    ensemble: latencies.ensemble.p99Us < TARGETS_US.ensemble,
    ingest: ingest.ratio >= INGEST_RATIO_TARGET,
  };
  const allMet = met.forest && met.lstm && met.ensemble && met.ingest;
  return {
    name,
    title: TITLE,
    environment: currentEnvironment(),
    table: latencyTable(latencies, met),
    target: { description: TARGET, met: allMet },
    notes: notes(data.bars.length, trained, latencies, agreement, ingest, allMet),
    figures: {
      config: { file: MODELS_DATA_FILE, bars: data.bars.length, labels: LABELS, trainSamples: TRAIN_SAMPLES, validationSamples: VALIDATION_SAMPLES, lstm: LSTM_CONFIG, lstmTraining: LSTM_TRAINING, dqnTraining: DQN_TRAINING },
      targetsUs: TARGETS_US,
      targetMet: allMet,
      met,
      latencyUs: latencies,
      training: trained.training,
      ensembleWeights: { randomForest: trained.weights[0], lstm: trained.weights[1], doubleDqn: trained.weights[2] },
      lstmForwardVsTfjsMaxAbsDifference: agreement,
      ingestWithEnsemble: { ticks: ingest.ticks, ensembleCallsPerPass: ingest.ensembleCallsPerPass, drainMs: ingest.drainMs, ratio: ingest.ratio, target: INGEST_RATIO_TARGET, without: ingest.without, with: ingest.with },
    },
  };
}

/** The trained members as the registry would store them; the bench's DQN observes unscaled features. */
function storedEnsembleOf(trained: TrainedMembers): StoredEnsemble {
  const featureCount = trained.dataset.featureNames.length;
  const identity = { mean: new Array<number>(featureCount).fill(0), std: new Array<number>(featureCount).fill(1) };
  return {
    id: "bench", weights: [...trained.weights], forest: trained.forest.toJSON(), lstm: trained.lstm.toArtifact(),
    dqn: { kind: "ddqn-member", agent: trained.dqn.toArtifact(), standardiser: identity }, labels: LABELS,
  };
}

function membersOf(trained: TrainedMembers): EnsembleMembers {
  return { featureNames: trained.dataset.featureNames, forest: trained.forest, lstm: trained.lstmForward, dqn: trained.dqnForward, weights: trained.weights };
}

function measureLatencies(bars: readonly RecordedBar[], trained: TrainedMembers): Latencies {
  const rows = trained.dataset.features;
  const { windowLength } = LSTM_CONFIG;
  const windows = Array.from({ length: rows.length - windowLength + 1 }, (_, i) => rows.slice(i, i + windowLength));
  const out = new Float64Array(3);
  let sink = 0;
  // Stateful: a throwaway instance warms the JIT over every bar, then a fresh one is timed from the first bar.
  const warmFeatures = new FeaturePipeline();
  for (const bar of bars) warmFeatures.update(bar);
  const pipeline = new FeaturePipeline();
  const features = latencyOf(bars.length, (i) => void pipeline.update(bars[i]), 0);
  const forest = latencyOf(rows.length, (i) => (sink += trained.forest.predictProbabilities(rows[i])[0]));
  const lstmForward = latencyOf(windows.length, (i) => {
    trained.lstmForward.probabilitiesInto(windows[i], out);
    sink += out[0];
  });
  const lstmTfjs = latencyOf(TFJS_LSTM_CALLS, (i) => (sink += trained.lstm.predictProba(windows[i]).down), 20);
  const dqn = latencyOf(Math.min(DQN_CALLS, rows.length), (i) => (sink += trained.dqn.act([...rows[i], FLAT_POSITION])), 50);
  const observations = rows.map((row) => [...row, FLAT_POSITION]);
  const dqnForward = latencyOf(observations.length, (i) => (sink += trained.dqnForward.act(observations[i])));
  const warmEnsemble = new EnsemblePredictor(membersOf(trained), LABELS);
  for (let i = 0; i < 500; i++) warmEnsemble.update(bars[i]);
  const perBar = new EnsemblePredictor(membersOf(trained), LABELS);
  const ensemble = latencyOf(bars.length, (i) => (sink += perBar.update(bars[i])?.confidence ?? 0), 0);
  if (Number.isNaN(sink)) throw new Error("a model returned NaN");
  return { features, forest, lstmForward, lstmTfjs, dqn, dqnForward, ensemble };
}

/** Largest |fast forward pass - tfjs predictProba| over the tfjs-timed windows: the fast path is the same model. */
function lstmAgreement(trained: TrainedMembers): number {
  const rows = trained.dataset.features;
  let largest = 0;
  for (let i = 0; i < TFJS_LSTM_CALLS; i++) {
    const window = rows.slice(i, i + LSTM_CONFIG.windowLength);
    const fast = trained.lstmForward.predictProba(window);
    const reference = trained.lstm.predictProba(window);
    largest = Math.max(largest, Math.abs(fast.down - reference.down), Math.abs(fast.flat - reference.flat), Math.abs(fast.up - reference.up));
  }
  return largest;
}

function latencyTable(l: Latencies, met: { forest: boolean; lstm: boolean; ensemble: boolean; ingest: boolean }) {
  const row = (label: string, s: LatencySummary, target: string) => [label, formatRate(s.samples), formatMicros(s.p50Us), formatMicros(s.p99Us), formatMicros(s.p999Us), formatMicros(s.maxUs), formatMicros(s.p50Us / l.features.p50Us) + "x", target];
  const verdict = (ok: boolean, us: number) => `< ${formatMicros(us)}: ${ok ? "met" : "NOT met"}`;
  return {
    columns: ["per bar", "calls", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "p50 vs features", "p99 target µs"],
    rows: [
      row("feature pipeline alone (baseline)", l.features, "-"),
      row("random forest (25 trees, depth 6)", l.forest, verdict(met.forest, TARGETS_US.forest)),
      row("LSTM, fast forward pass", l.lstmForward, verdict(met.lstm, TARGETS_US.lstm)),
      row("LSTM, tfjs predictProba (reference)", l.lstmTfjs, "-"),
      row("Double DQN act, fast forward pass", l.dqnForward, "-"),
      row("Double DQN act, tfjs (reference)", l.dqn, "-"),
      row("ensemble: features + 3 members + combine", l.ensemble, verdict(met.ensemble, TARGETS_US.ensemble)),
    ],
  };
}

function notes(barCount: number, trained: TrainedMembers, l: Latencies, agreement: number, ingest: IngestWithEnsemble, allMet: boolean): string[] {
  const { forest, lstm, dqnSeconds } = trained.training;
  const [wf, wl, wd] = trained.weights.map((w) => w.toFixed(3));
  return [
    `Data: ${MODELS_DATA_FILE} (${barCount} bars). Labels: direction over ${LABELS.horizon} bars, dead zone ${LABELS.deadZone * 100} %. Members trained once at start on the first ${TRAIN_SAMPLES} samples; ensemble weights learned (validation log loss) on the next ${VALIDATION_SAMPLES}, after a ${LABELS.horizon}-sample gap: random forest ${wf}, LSTM ${wl}, Double DQN ${wd}. The models are barely trained: this measures speed, not skill.`,
    `Training throughput: random forest ${formatRate(forest.samplesPerSecond)} samples/s (${forest.samples} rows, ${forest.seconds.toFixed(2)} s; each tree grows on a seeded draw of 400 rows, so this is not linear in rows); LSTM ${formatRate(lstm.samplesPerSecond)} samples/s (${lstm.samples / LSTM_TRAINING.epochs} windows x ${LSTM_TRAINING.epochs} epochs, batch ${LSTM_TRAINING.batchSize}, ${lstm.seconds.toFixed(2)} s, tfjs wasm); Double DQN ${DQN_TRAINING.episodes} episodes over ${DQN_TRAINING.bars} bars in ${dqnSeconds.toFixed(2)} s.`,
    `Features: FeaturePipeline.update on every bar (the first 27 return null while the indicators warm up). Random forest: predictProbabilities on every feature row. LSTM (${LSTM_CONFIG.windowLength} bars x ${LSTM_CONFIG.featureCount} features, ${LSTM_CONFIG.units} units): LstmForward over the exported weights, every window; it agrees with tfjs predictProba within ${agreement.toExponential(1)} (largest absolute difference over ${TFJS_LSTM_CALLS} windows). tfjs predictProba is timed on ${TFJS_LSTM_CALLS} windows as the reference the fast path replaces. Double DQN (19 features + position -> 32 ReLU -> 3 Q values): QNetworkForward.act over the exported online network on every row (it picks the same action as the tfjs agent: unit-tested), and the agent's own tfjs act on ${Math.min(DQN_CALLS, trained.dataset.features.length)} rows as the reference; position flat throughout.`,
    `Ensemble: EnsemblePredictor.update (the live engine's per-bar path) on every bar from a fresh pipeline: features, the ${LSTM_CONFIG.windowLength}-bar window, the three members, combine with the learned weights; all three members run on the hand-written paths (tfjs is only used to train). Its p50 is ${formatMicros(l.ensemble.p50Us - l.features.p50Us)} µs above the features alone, mostly the LSTM (p50 ${formatMicros(l.lstmForward.p50Us)} µs). The first ${BARS_BEFORE_FIRST_SIGNAL} bars, before the pipeline is warm and the window full, return no signal and are counted too (${((100 * BARS_BEFORE_FIRST_SIGNAL) / barCount).toFixed(1)} % of calls, all at the cheap end, so they barely move p99).`,
    `Each call timed with process.hrtime.bigint around it (included), after a warm-up; single thread; run on an otherwise idle machine.`,
    `Tick ingest with the ensemble: the ingest benchmark's pipeline (JSON sim ticks -> bars of every interval -> mark -> paper broker with resting orders) over ${formatRate(ingest.ticks)} ticks, once alone and once with a production ensemble per symbol on the closed 1m bars, run as the engine runs it: the bar-close callback posts the bar to the inference thread, which answers with the calls (${ingest.ensembleCallsPerPass} calls per pass, all awaited; the thread finished its backlog ${ingest.drainMs.toFixed(0)} ms after the last pass). Without: ${formatRate(ingest.without.ticksPerSecond)} ticks/s; with: ${formatRate(ingest.with.ticksPerSecond)} ticks/s; paired ratio ${ingest.ratio.toFixed(3)} (target >= ${INGEST_RATIO_TARGET}: ${ingest.ratio >= INGEST_RATIO_TARGET ? "met" : "NOT met"}); p99 per tick ${formatMicros(ingest.without.latency.p99Us)} vs ${formatMicros(ingest.with.latency.p99Us)} µs. The thread's models use the second core: on a single core they would share it with ingest.`,
    `Targets ${allMet ? "met" : "NOT all met"}: RF p99 ${formatMicros(l.forest.p99Us)} µs, LSTM p99 ${formatMicros(l.lstmForward.p99Us)} µs, ensemble p99 ${formatMicros(l.ensemble.p99Us)} µs, ingest with/without ensemble ${ingest.ratio.toFixed(3)}.`,
  ];
}

function skipped(): BenchResult {
  const note = `SKIPPED: ${MODELS_DATA_FILE} not found (the freqtrade test data belongs in ../shared/data beside the repository); no figures measured, target reported as not met.`;
  console.log(`models benchmark ${note}`);
  return {
    name,
    title: TITLE,
    environment: currentEnvironment(),
    table: { columns: ["", "p99 µs"], rows: [["skipped: no data", "-"]] },
    target: { description: TARGET, met: false },
    notes: [note],
    figures: { skipped: true, reason: note, targetsUs: TARGETS_US, targetMet: false },
  };
}
