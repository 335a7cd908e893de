import type { Bar } from "@/lib/domain/market-data";
import type { EnsembleSignal } from "@/lib/ml/ensemble/member-output";

export type LiveRole = "production" | "shadow";

/** The registry identity of an ensemble version running live. */
export interface LiveVersion {
  id: string;
  name: string;
  version: number;
  role: LiveRole;
  symbol: string;
  interval: string;
}

/** One version's call on one closed bar. */
export interface LiveCall {
  version: LiveVersion;
  bar: Bar;
  signal: EnsembleSignal;
  horizon: number;
  deadZone: number;
}
