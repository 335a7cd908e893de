import type { RiskStateName, RiskView } from "@/lib/domain/account";
import type { RiskState } from "@/lib/engine/risk-state";
import { isMoreRestrictive, type RiskTransition, type TripRequest } from "./risk-levels";

/** Who the real-time loop acts as in the audit log, the risk events and the flattening orders. */
export const RISK_ENGINE_ACTOR = "risk-engine";

/** What a transition does outside the state itself; the engine backs it with the database, the venue and the sink. */
export interface RiskEffects {
  persist(stored: { state: RiskStateName; reason: string | null; updatedAt: number }): Promise<void>;
  recordEvent(event: { code: string; message: string; detail?: Record<string, unknown> }): Promise<void>;
  audit(entry: { actor: string; action: string; details: Record<string, unknown> }): Promise<void>;
  publish(view: RiskView): void;
  cancelAll(actor: string): Promise<number>;
  /** Market orders that close every position; they pass the gate as reduce-only orders. */
  flatten(actor: string): Promise<void>;
  /** After every transition, automatic or not (actor "risk-engine" means automatic). */
  transitioned(transition: RiskTransition): void;
}

interface Move {
  to: RiskStateName;
  reason: string | null;
  code: string;
  actor: string;
  action: string;
}

/**
 * The only way the risk state changes: trips, the kill switch and re-arm, one at a time. Each transition is
 * persisted, recorded as a risk event, audited, published and handed on; HALTED cancels every open order.
 */
export class RiskController {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly accountId: string,
    private readonly risk: RiskState,
    private readonly effects: RiskEffects,
    private readonly rearmed: () => void,
  ) {}

  /** An automatic trip: only ever towards a more restrictive state. */
  trip(request: TripRequest): Promise<RiskView> {
    return this.serially(() => this.applyTrip(request));
  }

  /** The kill switch: engaged halts at once, released is a re-arm. */
  killSwitch(engaged: boolean, actor: string): Promise<RiskView> {
    if (!engaged) return this.rearm(actor, "KILL_SWITCH_RELEASED");
    return this.serially(async () => {
      await this.move({ to: "HALTED", reason: `Kill switch engaged by ${actor}`, code: "KILL_SWITCH_ENGAGED", actor, action: "risk.kill" });
    });
  }

  /** Back to ACTIVE from HALTED or REDUCING: a person's decision (the web checks it is an admin with their password). */
  rearm(actor: string, code = "REARMED"): Promise<RiskView> {
    return this.serially(async () => {
      if (this.risk.current() === "ACTIVE") return;
      await this.move({ to: "ACTIVE", reason: null, code, actor, action: "risk.rearm" });
      this.rearmed();
    });
  }

  /** Resolves once every queued transition is done. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private async applyTrip(request: TripRequest): Promise<void> {
    if (!isMoreRestrictive(request.to, this.risk.current())) return;
    const automatic = { code: request.code, actor: RISK_ENGINE_ACTOR, action: "risk.trip" };
    // HALTED refuses every order, so the closing orders go out first, in REDUCING, where they pass as reduce-only.
    if (request.to === "HALTED" && request.flatten) {
      if (this.risk.current() === "ACTIVE") await this.move({ ...automatic, to: "REDUCING", reason: `Closing every position before halting: ${request.reason}` });
      await this.effects.cancelAll(RISK_ENGINE_ACTOR);
      await this.effects.flatten(RISK_ENGINE_ACTOR);
    }
    await this.move({ ...automatic, to: request.to, reason: request.reason });
  }

  private async move(move: Move): Promise<void> {
    const from = this.risk.current();
    const at = Date.now();
    if (!this.risk.set(move.to, move.reason, at)) return;
    const transition: RiskTransition = { accountId: this.accountId, from, to: move.to, code: move.code, reason: move.reason, actor: move.actor, at };
    const { effects } = this;
    await effects.persist(this.risk.stored());
    await effects.recordEvent({ code: move.code, message: move.reason ?? `Re-armed by ${move.actor}`, detail: { from, to: move.to, actor: move.actor } });
    await effects.audit({ actor: move.actor, action: move.action, details: { from, to: move.to, code: move.code, reason: move.reason } });
    if (move.to === "HALTED") await effects.cancelAll(move.actor);
    effects.publish(this.risk.view());
    effects.transitioned(transition);
  }

  private serially(work: () => Promise<void>): Promise<RiskView> {
    const run = this.tail.then(work).then(() => this.risk.view());
    this.tail = run.catch(() => undefined);
    return run;
  }
}
