import { describe, expect, it } from "vitest";
import type { AlertInput, Alerter } from "@/lib/alerts";
import { alertRiskTransition } from "@/lib/alerts";
import type { RiskTransition } from "@/lib/risk/realtime/risk-levels";

function recordingAlerter(): { alerter: Alerter; raised: AlertInput[] } {
  const raised: AlertInput[] = [];
  return { raised, alerter: { raise: async (input: AlertInput) => void raised.push(input) } as unknown as Alerter };
}

const transition = (t: Partial<RiskTransition>): RiskTransition => ({ accountId: "demo", from: "ACTIVE", to: "HALTED", code: "DAILY_LOSS", reason: "lost 0.6 % today", actor: "risk-engine", at: 0, ...t });

describe("risk state changes become alerts", () => {
  it("raises the kill switch and an automatic halt as high, reduce-only as medium, a re-arm as low", async () => {
    const { alerter, raised } = recordingAlerter();
    await alertRiskTransition(alerter, transition({ code: "KILL_SWITCH_ENGAGED", actor: "trader@x", reason: "Kill switch engaged by trader@x" }));
    await alertRiskTransition(alerter, transition({}));
    await alertRiskTransition(alerter, transition({ to: "REDUCING", code: "STALE_DATA", reason: "no print on BTCUSDT for 31 s" }));
    await alertRiskTransition(alerter, transition({ from: "HALTED", to: "ACTIVE", code: "REARMED", actor: "admin@x", reason: null }));
    expect(raised.map((a) => [a.severity, a.code])).toEqual([["high", "kill_switch.engaged"], ["high", "trading_halted"], ["medium", "trading_reducing"], ["low", "trading_rearmed"]]);
    expect(raised[1].message).toContain("lost 0.6 % today");
    expect(raised[2].message).toContain("BTCUSDT");
  });
});
