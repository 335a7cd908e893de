import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";

let h: Harness;

// The strategy asks for 5,000 USDT positions; the limit allows 1 % of 100,000 equity per symbol.
beforeAll(async () => {
  h = await startHarness({
    STRATEGY_ENABLED: "true", STRATEGY_KIND: "ma-cross", STRATEGY_INTERVAL: "1s", STRATEGY_FAST: "2", STRATEGY_SLOW: "3",
    STRATEGY_NOTIONAL: "5000", MAX_POSITION_SIZE: "0.01", SIM_TICKS_PER_SECOND: "200",
  });
}, 60_000);
afterAll(async () => h?.close());

describe("strategy orders are sized within the limits", () => {
  it("clips each order to what max position allows instead of sending one the gate refuses", async () => {
    const orders = await waitFor(async () => {
      const rows = await h.services.database.query<{ quantity: string; average_fill_price: string | null; status: string }>(
        "select quantity::text, average_fill_price::text, status from orders where source = 'strategy' and status = 'FILLED'");
      return rows.length >= 3 ? rows : null;
    }, "three filled strategy orders", 30_000);
    for (const order of orders) expect(new Decimal(order.quantity).mul(order.average_fill_price!).toNumber()).toBeLessThan(2 * 1_000 * 1.01);
    const refused = await h.services.database.query<{ n: number }>("select count(*)::int as n from risk_events where code = 'MAX_POSITION'");
    expect(refused[0].n).toBe(0);
  });
});
