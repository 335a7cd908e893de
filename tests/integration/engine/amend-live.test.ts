import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "@/lib/domain/order";
import { COMMANDS } from "@/lib/engine/commands";
import type { FakeBybit } from "../../support/fake-bybit";
import { engineClient, rejectionCode } from "../support/engine-client";
import { type Harness, waitFor } from "../support/engine-harness";
import { type LiveBybitHarness, startLiveBybitHarness } from "../support/live-bybit-harness";

// The engine in live mode amending BTCUSDT orders on Bybit (a local server that speaks v5 and checks signatures).
let live: LiveBybitHarness;
let fake: FakeBybit;
let h: Harness;

beforeAll(async () => {
  live = await startLiveBybitHarness();
  ({ fake, harness: h } = live);
}, 30_000);
afterAll(async () => live?.close());

const { submit, request, row } = engineClient(() => h);
const amend = (orderId: string, change: { quantity?: string; price?: string }) =>
  request<Order>(COMMANDS.amendOrder, { accountId: "demo", orderId, actor: "test", ...change });
const orderRow = (id: string) => row<{ status: string; quantity: string; price: string; filled: string }>(
  "select status, quantity::text, price::text, filled_quantity::text as filled from orders where id = $1", [id]);
const atVenue = (clientOrderId: string) => fake.orders().find((o) => o.orderLinkId === clientOrderId)!;
const amendRequests = () => fake.requests().filter((r) => r.path === "/v5/order/amend").length;
const settled = (id: string, status: string) => waitFor(async () => ((await orderRow(id)).status === status ? orderRow(id) : null), `order ${id} ${status}`);
const same = (a: string, b: string) => new Decimal(a).eq(b);

describe("amending live orders on Bybit through the engine", () => {
  it("amends a resting limit at the venue and in our books; a print at the new price fills it there", async () => {
    const resting = await submit({ clientOrderId: "amend-live-1", type: "LIMIT", quantity: "0.001", price: "50000.0" });
    expect(resting.status).toBe("ACCEPTED");
    const amended = await amend(resting.id, { quantity: "0.002", price: "50100.0" });
    expect(amended).toMatchObject({ status: "ACCEPTED", quantity: "0.002", price: "50100" });
    expect(same(atVenue("amend-live-1").qty, "0.002") && same(atVenue("amend-live-1").price, "50100")).toBe(true);
    const stored = await orderRow(resting.id);
    expect(same(stored.quantity, "0.002") && same(stored.price, "50100")).toBe(true);

    fake.trade("BTCUSDT", "50090.0");
    await settled(resting.id, "FILLED");
    const fills = await h.services.database.query<{ quantity: string; price: string }>("select quantity::text, price::text from fills where order_id = $1", [resting.id]);
    expect(fills.map((f) => [Number(f.quantity), Number(f.price)])).toEqual([[0.002, 50100]]);
    const events = await h.services.database.query<{ event: string }>("select event from order_events where order_id = $1 order by id", [resting.id]);
    expect(events.map((e) => e.event)).toEqual(["NEW", "ACCEPTED", "AMENDED", "FILL"]);
  });

  it("refuses a quantity not above what already filled without asking the venue", async () => {
    const resting = await submit({ clientOrderId: "amend-live-partial", type: "LIMIT", side: "SELL", quantity: "0.003", price: "70000.0" });
    fake.trade("BTCUSDT", "70010.0", "0.001");
    await settled(resting.id, "PARTIALLY_FILLED");
    const sent = amendRequests();
    expect(await rejectionCode(amend(resting.id, { quantity: "0.001" }))).toBe("QUANTITY_NOT_ABOVE_FILLED");
    expect(amendRequests()).toBe(sent);
    const amended = await amend(resting.id, { quantity: "0.002" });
    expect(amended).toMatchObject({ status: "PARTIALLY_FILLED", quantity: "0.002", filledQuantity: "0.001" });
    expect(same(atVenue("amend-live-partial").qty, "0.002")).toBe(true);
    await request<Order>(COMMANDS.cancelOrder, { accountId: "demo", orderId: resting.id, actor: "test" });
  });

  it("takes the venue's record when the amend's reply is lost", async () => {
    const resting = await submit({ clientOrderId: "amend-live-lost", type: "LIMIT", quantity: "0.001", price: "50000.0" });
    fake.acceptThenDrop("/v5/order/amend");
    const amended = await amend(resting.id, { price: "50200.0" });
    expect(amended.price).toBe("50200");
    expect(same(atVenue("amend-live-lost").price, "50200")).toBe(true);
    expect(same((await orderRow(resting.id)).price, "50200")).toBe(true);
    await request<Order>(COMMANDS.cancelOrder, { accountId: "demo", orderId: resting.id, actor: "test" });
  });

  it("reports the venue's refusal and leaves our order as it was", async () => {
    const resting = await submit({ clientOrderId: "amend-live-gone", type: "LIMIT", quantity: "0.001", price: "50000.0" });
    // Filled at the venue while the private stream is down: our books still show it open, the venue refuses the amend.
    fake.acceptPrivateStream(false);
    fake.dropPrivateStream();
    fake.trade("BTCUSDT", "49990.0");
    await expect(amend(resting.id, { price: "50300.0" })).rejects.toMatchObject({ code: "AMEND_REJECTED", message: expect.stringMatching(/bybit refused the amend \(110001/i) });
    expect(same((await orderRow(resting.id)).price, "50000")).toBe(true);
    fake.acceptPrivateStream(true);
    await settled(resting.id, "FILLED");
  }, 20_000);
});
