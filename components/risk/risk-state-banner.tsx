import type { RiskStateName, RiskView } from "@/lib/domain/account";
import { formatTime } from "@/lib/client/format";

const STATE_CLASS: Record<RiskStateName, string> = { ACTIVE: "risk-active", REDUCING: "risk-reducing", HALTED: "risk-halted" };

const STATE_HINT: Record<RiskStateName, string> = {
  ACTIVE: "Trading normally",
  REDUCING: "Reduce-only: orders that grow a position are refused",
  HALTED: "Halted: only cancels are accepted",
};

/** The risk engine's state, what it means, why it is so and since when. */
export function RiskStateBanner({ risk }: { risk: RiskView }) {
  return (
    <div className={`risk-state ${STATE_CLASS[risk.state]}`} role="status" aria-live="polite">
      <span className="risk-state-name" data-testid="risk-state" data-state={risk.state}>
        {risk.state}
      </span>
      <span className="risk-state-hint">{STATE_HINT[risk.state]}</span>
      {risk.reason ? (
        <span className="risk-reason" data-testid="risk-reason">
          Reason: {risk.reason}
        </span>
      ) : null}
      {risk.updatedAt > 0 ? <span className="risk-updated">since {formatTime(risk.updatedAt)}</span> : null}
    </div>
  );
}
