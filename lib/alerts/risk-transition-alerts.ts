import type { RiskTransition } from "@/lib/risk/realtime/risk-levels";
import type { Alerter } from "./alerter";
import { alertKillSwitch, alertTradingHalted } from "./operator-alerts";

/**
 * Every change of an account's risk state becomes an alert: the kill switch (engaged or released) and an automatic
 * halt are high; an automatic move to reduce-only is medium (trading goes on, but growing positions is refused);
 * a re-arm is low, for the record. Never rejects, like every alert helper.
 */
export function alertRiskTransition(alerter: Alerter, t: RiskTransition) {
  if (t.code === "KILL_SWITCH_ENGAGED" || t.code === "KILL_SWITCH_RELEASED") {
    return alertKillSwitch(alerter, { accountId: t.accountId, engaged: t.code === "KILL_SWITCH_ENGAGED", by: t.actor, reason: t.reason ?? undefined });
  }
  if (t.to === "HALTED") return alertTradingHalted(alerter, { accountId: t.accountId, reason: t.code, message: t.reason ?? undefined });
  const reducing = t.to === "REDUCING";
  return alerter.raise({
    severity: reducing ? "medium" : "low",
    code: reducing ? "trading_reducing" : "trading_rearmed",
    title: reducing ? `Reduce-only on ${t.accountId}` : `Trading re-armed on ${t.accountId}`,
    message: reducing ? `Orders that grow a position are refused on ${t.accountId}: ${t.reason ?? t.code}.` : `${t.actor} re-armed trading on ${t.accountId} (was ${t.from}).`,
    dedupeKey: `risk:${t.accountId}:${t.to}:${t.code}`,
    detail: { ...t },
  });
}
