import type { RiskLimits, RiskStateName, RiskView } from "@/lib/domain/account";
import { PauseBook } from "@/lib/risk/realtime/pause-book";

/** The account's trading state, limits and protections' pauses, held in memory by the engine and persisted on every change. */
export class RiskState {
  /** Symbols (or the whole account) whose new entries a protection paused; the order router reads pausedUntil. */
  readonly pauses = new PauseBook();

  constructor(
    private readonly accountId: string,
    private currentLimits: RiskLimits,
    private state: RiskStateName = "ACTIVE",
    private reason: string | null = null,
    private updatedAt = 0,
  ) {}

  get limits(): RiskLimits {
    return this.currentLimits;
  }

  setLimits(limits: RiskLimits): void {
    this.currentLimits = limits;
  }

  current(): RiskStateName {
    return this.state;
  }

  /** Until when (ms) new entries on the symbol are paused, or null: what the pre-trade gate's pausedUntil reads. */
  pausedUntil(symbol: string, now = Date.now()): number | null {
    return this.pauses.pausedUntil(symbol, now);
  }

  set(state: RiskStateName, reason: string | null, at = Date.now()): boolean {
    if (state === this.state && reason === this.reason) return false;
    this.state = state;
    this.reason = reason;
    this.updatedAt = at;
    return true;
  }

  stored(): { state: RiskStateName; reason: string | null; updatedAt: number } {
    return { state: this.state, reason: this.reason, updatedAt: this.updatedAt };
  }

  view(): RiskView {
    return { accountId: this.accountId, state: this.state, reason: this.reason, updatedAt: this.updatedAt, limits: this.currentLimits };
  }
}
