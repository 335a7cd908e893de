import { RandomForestClassifier } from "ml-random-forest";
import { argMax } from "@/lib/ml/arg-max";
import { SeededRandom } from "@/lib/market/seeded-random";
import { DIRECTIONS, classIndex, directionOfClass, type Direction } from "@/lib/ml/labels";

export interface RandomForestParams {
  /** Trees in the forest. */
  trees: number;
  /** Fraction (0, 1] of the features each tree sees (ml-random-forest bags features per tree, not per split). */
  featureFraction: number;
  maxDepth: number;
  /** A node with this many samples or fewer becomes a leaf. */
  minLeafSamples: number;
  /**
   * Rows each tree is grown on: a seeded draw without replacement from the training rows, then bootstrapped by the
   * library. ml-cart's split search is quadratic in rows (1,500 rows: 0.4 s a tree), so this bounds training time.
   */
  rowsPerTree: number;
  /** 32-bit integer seed of the row draws, the bootstraps and the feature bags: same data, same seed, same forest. */
  seed: number;
}

export const DEFAULT_RANDOM_FOREST_PARAMS: RandomForestParams = {
  trees: 25, featureFraction: 0.6, maxDepth: 6, minLeafSamples: 20, rowsPerTree: 400, seed: 42,
};

/**
 * One tree flattened for fast inference: node i splits on `feature[i]` (an index into the full feature vector)
 * and goes left when x < threshold[i], as ml-cart does; a leaf has feature -1 and the class frequencies of its
 * training samples in `probabilities` ([P(-1), P(0), P(+1)]).
 */
export interface FlatTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  probabilities: number[][];
}

/** The serialised model: everything inference needs, as plain JSON. */
export interface RandomForestArtifact {
  kind: "random-forest";
  featureNames: string[];
  params: RandomForestParams;
  trees: FlatTree[];
  /** Mean decrease in Gini impurity per feature (sums to 1), aligned with featureNames. */
  importance: number[];
}

/**
 * The Random Forest member. Each tree is grown by ml-random-forest's RandomForestClassifier (seeded bootstrap and
 * feature bagging, ml-cart Gini trees) on a seeded draw of rowsPerTree training rows, then flattened: its probabilities are the mean of the leaf class frequencies over
 * the trees (scikit-learn's predict_proba), smoother than the library's vote count and free of its allocation per
 * call, which matters for the per-bar latency budget.
 */
export class RandomForestModel {
  private constructor(private readonly artifact: RandomForestArtifact) {}

  static train(features: readonly number[][], labels: readonly Direction[], featureNames: readonly string[], params: RandomForestParams = DEFAULT_RANDOM_FOREST_PARAMS): RandomForestModel {
    checkTrainingData(features, labels, featureNames);
    const grown = growTrees(features, labels, params);
    const trees = grown.map(({ root, columns }) => flattenTree(root, columns));
    const importance = giniImportance(grown, featureNames.length);
    return new RandomForestModel({ kind: "random-forest", featureNames: [...featureNames], params: { ...params }, trees, importance });
  }

  static fromJSON(json: string | RandomForestArtifact): RandomForestModel {
    const artifact: RandomForestArtifact = typeof json === "string" ? JSON.parse(json) : json;
    if (artifact.kind !== "random-forest" || !Array.isArray(artifact.trees) || artifact.trees.length === 0) {
      throw new TypeError("not a random-forest artifact");
    }
    return new RandomForestModel(artifact);
  }

  toJSON(): RandomForestArtifact {
    return this.artifact;
  }

  get featureNames(): readonly string[] {
    return this.artifact.featureNames;
  }

  /** Feature name -> importance, largest first. */
  featureImportance(): Array<{ feature: string; importance: number }> {
    return this.artifact.featureNames
      .map((feature, i) => ({ feature, importance: this.artifact.importance[i] }))
      .sort((a, b) => b.importance - a.importance);
  }

  /** [P(-1), P(0), P(+1)] for one feature vector (in featureNames order). */
  predictProbabilities(x: readonly number[]): [number, number, number] {
    const sum: [number, number, number] = [0, 0, 0];
    for (const tree of this.artifact.trees) {
      const leaf = tree.probabilities[leafOf(tree, x)];
      sum[0] += leaf[0];
      sum[1] += leaf[1];
      sum[2] += leaf[2];
    }
    const n = this.artifact.trees.length;
    return [sum[0] / n, sum[1] / n, sum[2] / n];
  }

  /** The most probable direction (ties to the lower class index, i.e. towards -1 then flat). */
  predictDirection(x: readonly number[]): Direction {
    return directionOfClass(argMax(this.predictProbabilities(x)));
  }

  /** Each tree's vote (its leaf's most frequent class), as ml-random-forest's predictionValues gives them. */
  treeVotes(x: readonly number[]): Direction[] {
    return this.artifact.trees.map((tree) => directionOfClass(argMax(tree.probabilities[leafOf(tree, x)])));
  }
}

function leafOf(tree: FlatTree, x: readonly number[]): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = x[tree.feature[node]] < tree.threshold[node] ? tree.left[node] : tree.right[node];
  return node;
}

/** The parts of a trained ml-cart node that flattening reads (the library's typings leave them out). */
interface CartNode {
  left?: CartNode;
  right?: CartNode;
  splitColumn?: number;
  splitValue?: number;
  gain?: number;
  numberSamples?: number;
  distribution?: { getRow(row: number): number[] };
}

interface TrainedTree {
  root: CartNode;
  /** Tree column -> feature index: each tree was trained on a bag of the columns. */
  columns: number[];
}

/** Each tree is a one-tree RandomForestClassifier on its own seeded draw of rows, so every tree sees different data. */
function growTrees(features: readonly number[][], labels: readonly Direction[], params: RandomForestParams): TrainedTree[] {
  const random = new SeededRandom(params.seed);
  const trees: TrainedTree[] = [];
  for (let i = 0; i < params.trees; i++) {
    const rows = drawRows(features.length, params.rowsPerTree, random);
    const forest = new RandomForestClassifier({
      nEstimators: 1, maxFeatures: params.featureFraction, replacement: false, seed: (params.seed + i) | 0,
      useSampleBagging: true, noOOB: true, treeOptions: { maxDepth: params.maxDepth, minNumSamples: params.minLeafSamples },
    });
    forest.train(rows.map((r) => [...features[r]]), rows.map((r) => classIndex(labels[r])));
    const internals = forest as unknown as { estimators: Array<{ root: CartNode }>; indexes: number[][] };
    trees.push({ root: internals.estimators[0].root, columns: internals.indexes[0] });
  }
  return trees;
}

/** k distinct row indices in ascending order (partial Fisher-Yates), or all rows when k >= n. */
function drawRows(n: number, k: number, random: SeededRandom): number[] {
  const rows = Array.from({ length: n }, (_, i) => i);
  const take = Math.min(n, k);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random.uniform() * (n - i));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows.slice(0, take).sort((a, b) => a - b);
}

function isSplit(node: CartNode): node is CartNode & { left: CartNode; right: CartNode; splitColumn: number; splitValue: number } {
  return node.left !== undefined && node.right !== undefined;
}

function flattenTree(root: CartNode, columns: readonly number[]): FlatTree {
  const tree: FlatTree = { feature: [], threshold: [], left: [], right: [], probabilities: [] };
  const visit = (node: CartNode): number => {
    const id = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.probabilities.push([]);
    if (isSplit(node)) {
      tree.feature[id] = columns[node.splitColumn];
      tree.threshold[id] = node.splitValue;
      tree.left[id] = visit(node.left);
      tree.right[id] = visit(node.right);
    } else {
      tree.probabilities[id] = leafProbabilities(node);
    }
    return id;
  };
  visit(root);
  return tree;
}

/** ml-cart sizes a leaf's distribution by the largest class present in it: pad to the three classes. */
function leafProbabilities(node: CartNode): number[] {
  if (node.distribution === undefined) throw new Error("ml-cart leaf without a class distribution");
  const row = node.distribution.getRow(0);
  return DIRECTIONS.map((_, i) => row[i] ?? 0);
}

/**
 * Mean decrease in impurity: each split adds (samples at the node) x (its Gini gain) to its feature, summed over
 * the trees and normalised to 1. Not ml-random-forest's featureImportance(): that one also credits depth-capped
 * leaves with the split they computed but never made, and turns into NaN when a tree has no split at all.
 */
function giniImportance(trees: readonly TrainedTree[], featureCount: number): number[] {
  const importance = new Array<number>(featureCount).fill(0);
  const visit = (node: CartNode, columns: readonly number[]): void => {
    if (!isSplit(node)) return;
    importance[columns[node.splitColumn]] += (node.gain ?? 0) * (node.numberSamples ?? 0);
    visit(node.left, columns);
    visit(node.right, columns);
  };
  for (const tree of trees) visit(tree.root, tree.columns);
  const total = importance.reduce((a, b) => a + b, 0);
  return total > 0 ? importance.map((v) => v / total) : importance;
}

function checkTrainingData(features: readonly number[][], labels: readonly Direction[], names: readonly string[]): void {
  if (features.length === 0 || features.length !== labels.length) throw new RangeError(`need as many labels as rows, and at least one: ${features.length} rows, ${labels.length} labels`);
  if (features.some((row) => row.length !== names.length || !row.every(Number.isFinite))) {
    throw new RangeError(`every row needs ${names.length} finite features`);
  }
}
