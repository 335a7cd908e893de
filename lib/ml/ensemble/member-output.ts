import type { Direction } from "@/lib/ml/labels";

/** Class probabilities in class-index order: [down, flat, up] (see classIndex in lib/ml/labels.ts). */
export type ClassVector = readonly [number, number, number];

/** What one ensemble member says about a bar. */
export interface MemberOutput {
  member: string;
  probabilities: ClassVector;
}

/** One member's vote as stored with a signal: its own most likely class and that class's probability. */
export interface MemberVote {
  member: string;
  direction: Direction;
  confidence: number;
}

/** The ensemble's call on a bar. */
export interface EnsembleSignal {
  direction: Direction;
  /** The combined probability of the winning class (0..1). */
  confidence: number;
  /** The combined class probabilities, [down, flat, up]. */
  probabilities: ClassVector;
  /** Every member's vote, in member order. */
  votes: MemberVote[];
}
