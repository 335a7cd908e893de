import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskView } from "@/lib/domain/account";
import { COMMANDS } from "@/lib/engine/commands";
import { engineClient, rejectionCode } from "../support/engine-client";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";

let h: Harness;

// A daily loss limit of 0.0001 % (0.10 on 100,000): the fee and slippage of one small market order trip it.
beforeAll(async () => {
  h = await startHarness({ MAX_DAILY_LOSS: "0.000001", RISK_FLATTEN_ON_HALT: "true", PRICE_COLLAR: "0.9" });
  await waitFor(() => h.engine.ticksProcessed() > 20, "first ticks");
});
afterAll(async () => h?.close());

const { submit, row, request } = engineClient(() => h);
const riskRow = () => row<{ state: string; reason: string | null }>("select state, reason from risk_state where account_id = 'demo'").catch(() => null);
const btcPosition = async () => (await row<{ q: string }>("select quantity::text as q from positions where account_id = 'demo' and symbol = 'BTCUSDT'")).q;

describe("the daily loss limit on the real engine", () => {
  it("halts: closes the position first, cancels open orders, refuses new ones, and stays halted across a restart until re-armed", async () => {
    const resting = await submit({ clientOrderId: "dl-resting", type: "LIMIT", price: "30000" });
    expect(resting.status).toBe("ACCEPTED");
    const entry = await submit({ clientOrderId: "dl-entry" });
    expect(entry.status).toBe("FILLED");

    const halted = await waitFor(async () => ((await riskRow())?.state === "HALTED" ? riskRow() : null), "the daily loss trip");
    expect(halted?.reason).toMatch(/^Daily loss .* reached the limit/);
    await waitFor(async () => Number(await btcPosition()) === 0, "the position closed");
    expect((await row<{ status: string }>("select status from orders where id = $1", [resting.id])).status).toBe("CANCELED");
    expect(await rejectionCode(submit({}))).toBe("KILL_SWITCH_ACTIVE");

    const trail = await h.services.database.query<{ code: string }>("select code from risk_events where code in ('DAILY_LOSS') order by id");
    expect(trail.map((e) => e.code)).toEqual(["DAILY_LOSS", "DAILY_LOSS"]);
    const audit = await h.services.database.query<{ actor: string; action: string; details: { from: string; to: string } }>("select actor, action, details from audit_log where action like 'risk.%' order by id");
    expect(audit.map((a) => [a.actor, a.action, a.details.from, a.details.to])).toEqual([
      ["risk-engine", "risk.trip", "ACTIVE", "REDUCING"],
      ["risk-engine", "risk.trip", "REDUCING", "HALTED"],
    ]);
    expect(h.sink.of("risk").some((e) => (e.payload as RiskView).state === "HALTED")).toBe(true);

    await h.restart();
    await waitFor(() => h.engine.ticksProcessed() > 20, "ticks after the restart");
    expect(await rejectionCode(submit({}))).toBe("KILL_SWITCH_ACTIVE");
    expect((await riskRow())?.reason).toBe(halted?.reason);

    const rearmed = await request<RiskView>(COMMANDS.rearm, { accountId: "demo", actor: "admin@example.com" });
    expect(rearmed.state).toBe("ACTIVE");
    const after = await submit({ clientOrderId: "dl-after", type: "LIMIT", price: "30000" });
    expect(after.status).toBe("ACCEPTED");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await riskRow())?.state).toBe("ACTIVE");
    const last = await row<{ actor: string; action: string }>("select actor, action from audit_log where action like 'risk.%' order by id desc limit 1");
    expect(last).toEqual({ actor: "admin@example.com", action: "risk.rearm" });
  });

  it("refuses a re-arm command for another account", async () => {
    expect(await rejectionCode(request(COMMANDS.rearm, { accountId: "other", actor: "admin" }))).toBe("NOT_FOUND");
  });
});
