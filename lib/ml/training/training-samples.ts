import type { RecordedBar } from "@/lib/market/replay/recording";
import { buildLabelledDataset, type LabelledDataset } from "@/lib/ml/dataset";
import type { Direction } from "@/lib/ml/labels";
import { chronologicalSplit, type ChronologicalSplit } from "@/lib/ml/splits";
import type { TrainingRequest } from "./training-request";

/** The labelled samples every member trains and is scored on, and their split into train / validation / test. */
export interface TrainingSamples {
  dataset: LabelledDataset;
  /** Bar indices of each part, purged and embargoed. */
  split: ChronologicalSplit;
  windowLength: number;
}

/** A part of the split: its bar indices, the samples' positions in the dataset, and the labels. */
export interface SamplePart {
  bars: number[];
  positions: number[];
  labels: Direction[];
}

/** Fewest samples any part may hold: below this a metric says nothing. */
const MIN_PART_SAMPLES = 20;

/**
 * Only samples with a full LSTM window of earlier feature vectors take part, so the forest, the LSTM and the DQN are
 * trained and scored on exactly the same bars. A window reads features only (bars up to t), never a label.
 */
export function buildTrainingSamples(bars: readonly RecordedBar[], request: TrainingRequest): TrainingSamples {
  const dataset = buildLabelledDataset(bars, { horizon: request.horizon, deadZone: request.deadZone });
  const windowLength = request.lstm.windowLength;
  const eligible = dataset.barIndex.slice(windowLength - 1);
  const split = chronologicalSplit(eligible, request.split, { horizon: request.horizon, embargo: request.embargo });
  for (const [name, part] of Object.entries(split)) {
    if (part.length < MIN_PART_SAMPLES) {
      throw new RangeError(`the ${name} part holds ${part.length} samples (needs ${MIN_PART_SAMPLES}): use more bars or a shorter horizon`);
    }
  }
  return { dataset, split, windowLength };
}

export function samplePart(samples: TrainingSamples, bars: readonly number[]): SamplePart {
  const positions = bars.map((t) => samples.dataset.positionOfBar.get(t)!);
  return { bars: [...bars], positions, labels: positions.map((p) => samples.dataset.labels[p]) };
}

/** The feature vectors of the windowLength samples ending at each position, oldest first. */
export function windowsAt(samples: TrainingSamples, positions: readonly number[]): number[][][] {
  const { features } = samples.dataset;
  return positions.map((p) => features.slice(p - samples.windowLength + 1, p + 1));
}
