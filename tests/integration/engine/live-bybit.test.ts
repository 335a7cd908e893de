import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "@/lib/domain/order";
import { OrderJournal } from "@/lib/engine/persistence/order-journal";
import { COMMANDS } from "@/lib/engine/commands";
import type { ReconciliationState } from "@/lib/engine/live/mismatch";
import type { FakeBybit } from "../../support/fake-bybit";
import { engineClient, rejectionCode } from "../support/engine-client";
import { type Harness, waitFor } from "../support/engine-harness";
import { type LiveBybitHarness, startLiveBybitHarness } from "../support/live-bybit-harness";

// The real engine in live mode, trading BTCUSDT on Bybit (a local server that speaks v5 and checks signatures).
let live: LiveBybitHarness;
let fake: FakeBybit;
let h: Harness;

beforeAll(async () => {
  live = await startLiveBybitHarness();
  ({ fake, harness: h } = live);
}, 30_000);
afterAll(async () => live?.close());

const { submit, request, row } = engineClient(() => h);
const venues = () => live.venues();
const orderRow = (id: string) => row<{ status: string; filled: string; venue: string; reject_reason: string | null }>(
  "select status, filled_quantity::text as filled, venue, reject_reason from orders where id = $1", [id]);
const ourPosition = async (symbol = "BTCUSDT") => {
  const rows = await h.services.database.query<{ q: string }>("select quantity::text as q from positions where account_id = 'demo' and symbol = $1", [symbol]);
  return Number(rows[0]?.q ?? 0);
};
const venuePosition = (symbol = "BTCUSDT") => {
  const p = fake.positions().find((r) => r.symbol === symbol);
  return p && p.size !== "0" ? Number(p.size) * (p.side === "Sell" ? -1 : 1) : 0;
};
const atVenue = (clientOrderId: string) => fake.orders().filter((o) => o.orderLinkId === clientOrderId);
const settled = (id: string, status: string) => waitFor(async () => ((await orderRow(id)).status === status ? orderRow(id) : null), `order ${id} ${status}`);

describe("live trading on Bybit through the engine", () => {
  it("sends a market order under its client order id and applies the venue's execution once", async () => {
    const order = await submit({ clientOrderId: "live-mkt-1", quantity: "0.002" });
    expect(order.venue).toBe("bybit");
    await settled(order.id, "FILLED");
    expect(atVenue("live-mkt-1")).toHaveLength(1);
    const fills = await h.services.database.query<{ id: string }>("select id from fills where order_id = $1", [order.id]);
    expect(fills).toHaveLength(1);
    expect(fills[0]!.id).toMatch(/^bybit:/);
    await waitFor(async () => (await ourPosition()) === venuePosition(), "our position equals the venue's");
    expect(await ourPosition()).toBeCloseTo(0.002, 9);
  });

  it("rests a limit order, fills it on a trade print, cancels another; symbols not routed to Bybit stay on paper", async () => {
    const resting = await submit({ clientOrderId: "live-lmt-fill", type: "LIMIT", side: "SELL", quantity: "0.001", price: "60100.0" });
    expect(resting.status).toBe("ACCEPTED");
    fake.trade("BTCUSDT", "60150.0");
    await settled(resting.id, "FILLED");

    const toCancel = await submit({ clientOrderId: "live-lmt-cancel", type: "LIMIT", quantity: "0.001", price: "50000.0" });
    const canceled = await request<Order>(COMMANDS.cancelOrder, { accountId: "demo", orderId: toCancel.id, actor: "test" });
    expect(canceled.status).toBe("CANCELED");
    expect(atVenue("live-lmt-cancel")[0]?.orderStatus).toBe("Cancelled");

    const paper = await submit({ clientOrderId: "paper-eth", symbol: "ETHUSDT", quantity: "0.01" });
    expect(paper.venue).toBe("paper");
    expect(atVenue("paper-eth")).toHaveLength(0);
  });

  it("keeps a submit whose reply never came UNKNOWN and resolves it by client order id: one order at the venue", async () => {
    // With the private stream down, only a lookup can tell what happened to it.
    fake.acceptPrivateStream(false);
    fake.dropPrivateStream();
    fake.acceptThenDrop("/v5/order/create");
    const order = await submit({ clientOrderId: "live-lost-ack", quantity: "0.001" });
    expect(order.status).toBe("UNKNOWN");
    await settled(order.id, "FILLED");
    fake.acceptPrivateStream(true);
    expect(atVenue("live-lost-ack")).toHaveLength(1);
    const events = await h.services.database.query<{ event: string }>("select event from order_events where order_id = $1 order by id", [order.id]);
    expect(events.map((e) => e.event)).toEqual(["NEW", "UNKNOWN", "RESOLVED", "FILL"]);
  });

  it("applies the private stream's news of an order even when the submit's own reply is lost", async () => {
    fake.acceptThenDrop("/v5/order/create");
    const order = await submit({ clientOrderId: "live-lost-ack-stream", quantity: "0.001" });
    await settled(order.id, "FILLED");
    expect(atVenue("live-lost-ack-stream")).toHaveLength(1);
  });

  it("settles a submit the venue never received as rejected once its receive window has passed, without sending it again", async () => {
    fake.dropBeforeProcessing("/v5/order/create");
    const order = await submit({ clientOrderId: "live-never-sent", quantity: "0.001" });
    expect(order.status).toBe("UNKNOWN");
    const final = await settled(order.id, "REJECTED");
    expect(final.reject_reason).toMatch(/never reached the venue/);
    expect(atVenue("live-never-sent")).toHaveLength(0);
    const creates = fake.requests().filter((r) => r.path === "/v5/order/create" && JSON.stringify(r.body ?? "").includes("live-never-sent"));
    expect(creates.length).toBeLessThanOrEqual(1);
  }, 20_000);

  it("catches up on executions missed while the private stream was down", async () => {
    const resting = await submit({ clientOrderId: "live-missed", type: "LIMIT", side: "SELL", quantity: "0.001", price: "60200.0" });
    fake.acceptPrivateStream(false);
    fake.dropPrivateStream();
    fake.trade("BTCUSDT", "60250.0");
    fake.acceptPrivateStream(true);
    await settled(resting.id, "FILLED");
    const fills = await h.services.database.query<{ n: number }>("select count(*)::int as n from fills where order_id = $1", [resting.id]);
    expect(fills[0]!.n).toBe(1);
    await waitFor(async () => (await ourPosition()) === venuePosition(), "positions agree after the catch-up");
  }, 20_000);

  it("finds an order and a position placed outside the platform, blocks new orders, and lets a trader cancel and adopt", async () => {
    fake.placeManualOrder({ symbol: "BTCUSDT", side: "Buy", orderType: "Limit", qty: "0.003", price: "40000.0" });
    fake.setPosition("BTCUSDT", String(venuePosition() + 0.005), "59000.0");
    const [state] = await request<ReconciliationState[]>(COMMANDS.reconcileVenue, { accountId: "demo", venue: "bybit" });
    expect(state.phase).toBe("mismatch");
    expect(state.mismatches.map((m) => m.kind).sort()).toEqual(["position", "venue-order"]);
    expect(await rejectionCode(submit({ quantity: "0.001" }))).toBe("VENUE_NOT_RECONCILED");

    const manual = state.mismatches.find((m) => m.kind === "venue-order")!;
    const position = state.mismatches.find((m) => m.kind === "position")!;
    const resolve = (mismatchId: string, action: string) =>
      request<ReconciliationState>(COMMANDS.resolveMismatch, { accountId: "demo", venue: "bybit", mismatchId, action, actor: "trader@example.com" });
    await resolve(manual.id, "cancel");
    const after = await resolve(position.id, "adopt");
    expect(after.phase).toBe("agreed");
    expect(fake.orders().filter((o) => o.orderLinkId === "" && o.orderStatus === "New")).toHaveLength(0);
    expect(await ourPosition()).toBeCloseTo(venuePosition(), 9);
    const audit = await h.services.database.query<{ action: string }>("select action from audit_log where action like 'venue.%' order by id");
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["venue.reconcile", "venue.adopt-order", "venue.adopt-position"]));
    expect((await submit({ clientOrderId: "live-after-agree", quantity: "0.001" })).venue).toBe("bybit");
  }, 20_000);

  it("after a restart, adopts the venue's state: open orders stay tracked and the position matches", async () => {
    const resting = await submit({ clientOrderId: "live-restart-rest", type: "LIMIT", quantity: "0.001", price: "50000.0" });
    await h.restart();
    await waitFor(async () => (await venues())[0]?.reconciliation.phase === "agreed", "reconciled after the restart");
    expect((await orderRow(resting.id)).status).toBe("ACCEPTED");
    fake.trade("BTCUSDT", "49990.0");
    await settled(resting.id, "FILLED");
    await waitFor(async () => (await ourPosition()) === venuePosition(), "positions agree after the restart");
  }, 30_000);

  it("after a restart, does not send an order the last run persisted but never sent once it is more than a minute old", async () => {
    const createdAt = Date.now() - 120_000;
    const stale: Order = {
      id: crypto.randomUUID(), clientOrderId: "live-stale-new", accountId: "demo", symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.001",
      timeInForce: "GTC", source: "api", status: "NEW", filledQuantity: "0", averageFillPrice: null, rejectReason: null, venue: "bybit", createdAt, updatedAt: createdAt,
    };
    await new OrderJournal(h.services.database.db).insertNew(stale);
    await h.restart();
    const final = await settled(stale.id, "REJECTED");
    expect(final.reject_reason).toMatch(/never sent before the engine stopped/);
    expect(atVenue("live-stale-new")).toHaveLength(0);
  }, 30_000);
});
