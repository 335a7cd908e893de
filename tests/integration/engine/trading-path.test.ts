import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "@/lib/domain/order";
import { COMMANDS } from "@/lib/engine/commands";
import { engineClient, rejectionCode } from "../support/engine-client";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await waitFor(() => h.engine.ticksProcessed() > 20, "first ticks");
});
afterAll(async () => h?.close());

const { submit, row } = engineClient(() => h);

describe("the trading path on the embedded engine", () => {
  it("fills a market order, persists the fill once and moves cash by notional plus fee exactly", async () => {
    const order = await submit({ clientOrderId: "mkt-1" });
    expect(order.status).toBe("FILLED");
    const fill = await row<{ quantity: string; price: string; fee: string }>("select quantity::text, price::text, fee::text from fills where client_order_id = 'mkt-1'");
    const account = await row<{ cash: string }>("select cash::text from accounts where id = 'demo'");
    const expected = new Decimal(100000).sub(new Decimal(fill.quantity).mul(fill.price)).sub(fill.fee);
    expect(new Decimal(account.cash).eq(expected)).toBe(true);
    expect(new Decimal(fill.fee).eq(new Decimal(fill.quantity).mul(fill.price).mul(5).div(10_000))).toBe(true);
    const position = await row<{ quantity: string }>("select quantity::text from positions where symbol = 'BTCUSDT'");
    expect(new Decimal(position.quantity).eq("0.01")).toBe(true);
  });

  it("returns the first order for a repeated client order id and never fills it twice", async () => {
    const first = await submit({ clientOrderId: "idem-1" });
    const again = await submit({ clientOrderId: "idem-1", quantity: "0.02" });
    expect(again.id).toBe(first.id);
    expect(again.quantity).toBe("0.01");
    const { n } = await row<{ n: number }>("select count(*)::int as n from fills where client_order_id = 'idem-1'");
    expect(n).toBe(1);
  });

  it("rests a limit order away from the market and cancels it", async () => {
    const resting = await submit({ clientOrderId: "lim-1", type: "LIMIT", price: "30000" });
    expect(resting.status).toBe("ACCEPTED");
    const canceled = (await h.services.bus.request(COMMANDS.cancelOrder, { accountId: "demo", orderId: resting.id, actor: "test" })) as Order;
    expect(canceled.status).toBe("CANCELED");
    const stored = await row<{ status: string }>("select status from orders where id = $1", [resting.id]);
    expect(stored.status).toBe("CANCELED");
    const events = await h.services.database.query<{ event: string }>("select event from order_events where order_id = $1 order by id", [resting.id]);
    expect(events.map((e) => e.event)).toEqual(["NEW", "ACCEPTED", "CANCELED"]);
  });

  it("refuses orders past the limits with reason codes, and records each refusal", async () => {
    expect(await rejectionCode(submit({ quantity: "2" }))).toBe("MAX_ORDER_NOTIONAL");
    expect(await rejectionCode(submit({ symbol: "DOGEUSDT" }))).toBe("UNKNOWN_SYMBOL");
    expect(await rejectionCode(submit({ quantity: "0.00001" }))).toBe("INVALID_QUANTITY");
    const { n } = await row<{ n: number }>("select count(*)::int as n from risk_events where code in ('MAX_ORDER_NOTIONAL','UNKNOWN_SYMBOL','INVALID_QUANTITY')");
    expect(n).toBeGreaterThanOrEqual(3);
  });

  it("pushes orders, fills and account updates to the account room", async () => {
    await submit({ clientOrderId: "push-1" });
    const orders = h.sink.of("order").filter((e) => (e.payload as Order).clientOrderId === "push-1");
    expect(orders.map((e) => (e.payload as Order).status)).toEqual(["NEW", "ACCEPTED", "FILLED"]);
    expect(orders.every((e) => e.room === "account.demo")).toBe(true);
    expect(h.sink.of("fill").some((e) => (e.payload as { clientOrderId: string }).clientOrderId === "push-1")).toBe(true);
    await waitFor(() => h.sink.of("account").length > 0, "account push");
    await waitFor(() => h.sink.of("bar").length > 0 && h.sink.of("tick").length > 0, "market pushes");
  });

  it("halts on the kill switch: open orders canceled, new orders refused, state kept across a restart", async () => {
    const resting = await submit({ clientOrderId: "lim-kill", type: "LIMIT", price: "30000" });
    const risk = (await h.services.bus.request(COMMANDS.killSwitch, { accountId: "demo", engaged: true, actor: "test" })) as { state: string };
    expect(risk.state).toBe("HALTED");
    expect((await row<{ status: string }>("select status from orders where id = $1", [resting.id])).status).toBe("CANCELED");
    expect(await rejectionCode(submit({}))).toBe("KILL_SWITCH_ACTIVE");
    // A client retrying an order it sent before the halt learns what became of it, not a refusal.
    expect((await submit({ clientOrderId: "mkt-1" })).status).toBe("FILLED");
    await h.restart();
    expect(await rejectionCode(submit({}))).toBe("KILL_SWITCH_ACTIVE");
    const rearmed = (await h.services.bus.request(COMMANDS.killSwitch, { accountId: "demo", engaged: false, actor: "test" })) as { state: string };
    expect(rearmed.state).toBe("ACTIVE");
    const audit = await h.services.database.query<{ action: string }>("select action from audit_log where action like 'risk.%' order by id");
    expect(audit.map((a) => a.action)).toEqual(["risk.kill", "risk.rearm"]);
  });

  it("restores resting orders, positions and cash after a restart", async () => {
    await waitFor(() => h.engine.ticksProcessed() > 5, "ticks after restart");
    const resting = await submit({ clientOrderId: "lim-restart", type: "LIMIT", price: "31000" });
    const before = await row<{ cash: string; q: string }>("select a.cash::text as cash, p.quantity::text as q from accounts a join positions p on p.account_id = a.id where p.symbol = 'BTCUSDT'");
    await h.restart();
    const after = await row<{ cash: string; q: string }>("select a.cash::text as cash, p.quantity::text as q from accounts a join positions p on p.account_id = a.id where p.symbol = 'BTCUSDT'");
    expect(after).toEqual(before);
    const canceled = (await h.services.bus.request(COMMANDS.cancelOrder, { accountId: "demo", orderId: resting.id, actor: "test" })) as Order;
    expect(canceled.status).toBe("CANCELED");
  });
});
