import "server-only";

export interface FeatureImportanceView {
  /** The Random Forest version the importance comes from: the version itself, or an ensemble's rf member. */
  fromVersionId: string;
  /** Mean decrease in Gini impurity (sums to 1), largest first. */
  features: Array<{ feature: string; importance: number }>;
}

export interface MemberWeightView {
  member: string;
  versionId: string | null;
  weight: number;
}

/** The two small pieces of an artifact the views read (the database extracts them; the rest of the artifact stays there). */
export interface ArtifactSummary {
  forest: { featureNames: string[]; importance: number[] } | null;
  members: MemberWeightView[] | null;
}

export function forestImportance(versionId: string, forest: ArtifactSummary["forest"]): FeatureImportanceView | null {
  if (!forest || !Array.isArray(forest.featureNames) || !Array.isArray(forest.importance)) return null;
  const features = forest.featureNames.map((feature, i) => ({ feature, importance: forest.importance[i] ?? 0 }));
  return { fromVersionId: versionId, features: features.sort((a, b) => b.importance - a.importance) };
}

/** An ensemble shows the importance of the Random Forest it combines; the LSTM and the DQN have none to show. */
export function ensembleImportance(members: readonly MemberWeightView[], forests: ReadonlyMap<string, ArtifactSummary["forest"]>): FeatureImportanceView | null {
  const rf = members.find((m) => m.member === "rf" && m.versionId !== null);
  return rf?.versionId ? forestImportance(rf.versionId, forests.get(rf.versionId) ?? null) : null;
}
