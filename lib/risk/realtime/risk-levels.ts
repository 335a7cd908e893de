import type { RiskStateName } from "@/lib/domain/account";

const SEVERITY: Record<RiskStateName, number> = { ACTIVE: 0, REDUCING: 1, HALTED: 2 };

/** Automatic trips only ever tighten: ACTIVE -> REDUCING -> HALTED. Going back takes a person (re-arm, kill switch). */
export function isMoreRestrictive(state: RiskStateName, than: RiskStateName): boolean {
  return SEVERITY[state] > SEVERITY[than];
}

export function severity(state: RiskStateName): number {
  return SEVERITY[state];
}

/** Why the real-time loop tripped; also the code of the risk event it records. */
export type TripCode = "DAILY_LOSS" | "MAX_DRAWDOWN" | "STALE_DATA" | "REJECT_BURST" | "RECONCILIATION_FAILED";

/** What a real-time check asks the controller to do. */
export interface TripRequest {
  to: "REDUCING" | "HALTED";
  code: TripCode;
  reason: string;
  /** Close every position before halting (daily loss and drawdown, when the limits say so). */
  flatten: boolean;
  at: number;
}

/** One move of the risk state, as audited, recorded and handed to onTrip. */
export interface RiskTransition {
  accountId: string;
  from: RiskStateName;
  to: RiskStateName;
  code: string;
  reason: string | null;
  actor: string;
  at: number;
}
