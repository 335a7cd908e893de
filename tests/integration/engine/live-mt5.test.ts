import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "@/lib/domain/order";
import { COMMANDS } from "@/lib/engine/commands";
import type { LiveVenueView } from "@/lib/engine/live/live-venues";
import type { ReconciliationState } from "@/lib/engine/live/mismatch";
import { clientOrderIdFromComment } from "@/lib/venues/mt5/order-comment";
import { startEaEmulator, type EaEmulator } from "../../support/mt5-ea-emulator";
import { engineClient, rejectionCode } from "../support/engine-client";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";

// The real engine in live mode trading EURUSD on MetaTrader 5 through the DWX EA (an emulator on local sockets).
const MAGIC = "770077";
let ea: EaEmulator;
let h: Harness;
let ticker: ReturnType<typeof setInterval>;
let bid = 1.08;
let walking = true;

beforeAll(async () => {
  ea = await startEaEmulator({ maxOrders: 20, maxLotSize: "1", publishIntervalMs: 100 });
  ea.setSymbolInfo("EURUSD", { digits: 5, point: "0.00001", lotStep: "0.01" });
  await ea.setPrice("EURUSD", "1.08000", "1.08002");
  h = await startHarness({
    TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true", MARKET_FEEDS: "sim,mt5", MT5_SYMBOLS: "EURUSD", MT5_SYMBOL_SPECS: "EURUSD:5:0.01",
    MT5_ZMQ_PUSH_PORT: String(ea.pushPort), MT5_ZMQ_PULL_PORT: String(ea.pullPort), MT5_ZMQ_SUB_PORT: String(ea.subPort), MT5_MAGIC: MAGIC,
    MT5_TRADE_TIMEOUT_MS: "2000",
    SYMBOL_VENUES: "BTCUSDT=paper,ETHUSDT=paper",
  });
  ticker = setInterval(() => {
    if (!walking) return;
    bid = Math.round((bid + (Math.random() - 0.5) * 0.0002) * 1e5) / 1e5;
    void ea.setPrice("EURUSD", bid.toFixed(5), (bid + 0.00002).toFixed(5));
  }, 100);
  await waitFor(async () => (await venues())[0]?.reconciliation.phase === "agreed", "MT5 reconciled", 20_000);
  await waitFor(async () => (await h.services.database.query("select 1 from ticks where symbol = 'EURUSD' limit 1")).length > 0 || h.engine.ticksProcessed() > 0, "EURUSD prices");
}, 60_000);
afterAll(async () => {
  clearInterval(ticker);
  await h?.close();
  await ea?.close();
});

const { submit, request, row } = engineClient(() => h);
const venues = async () => (await request<{ venues: LiveVenueView[] }>(COMMANDS.venues, { accountId: "demo" })).venues.filter((v) => v.venue === "mt5");
const orderRow = (id: string) => row<{ status: string; filled: string; reject_reason: string | null }>("select status, filled_quantity::text as filled, reject_reason from orders where id = $1", [id]);
const settled = (id: string, status: string) => waitFor(async () => ((await orderRow(id)).status === status ? orderRow(id) : null), `order ${id} ${status}`, 15_000);
const ours = () => ea.trades().filter((t) => t.magic === MAGIC);
const eaPosition = () => ours().filter((t) => t.type <= 1).reduce((sum, t) => sum + Number(t.lots) * (t.type === 0 ? 1 : -1), 0);
const ourPosition = async () => Number((await h.services.database.query<{ q: string }>("select quantity::text as q from positions where account_id = 'demo' and symbol = 'EURUSD'"))[0]?.q ?? 0);
const eurusd = (overrides: Parameters<typeof submit>[0]) => submit({ symbol: "EURUSD", quantity: "0.01", ...overrides });

describe("live trading on MetaTrader 5 through the DWX EA", () => {
  it("opens a market trade carrying our client order id and magic number, and books its fill", async () => {
    const order = await eurusd({ clientOrderId: "mt5-buy-1" });
    expect(order.venue).toBe("mt5");
    await settled(order.id, "FILLED");
    const trades = ours().filter((t) => clientOrderIdFromComment(t.comment) === "mt5-buy-1");
    expect(trades).toHaveLength(1);
    expect(trades[0]!.type).toBe(0);
    await waitFor(async () => (await ourPosition()) === eaPosition(), "our position equals the terminal's");
    expect(await ourPosition()).toBeCloseTo(0.01, 9);
  });

  it("nets a market order: a sell first closes our buy trade, then opens a sell only for the rest", async () => {
    const order = await eurusd({ clientOrderId: "mt5-sell-2", side: "SELL", quantity: "0.02" });
    await settled(order.id, "FILLED");
    expect(ours().filter((t) => t.type <= 1).map((t) => [t.type, t.lots])).toEqual([[1, "0.01"]]);
    await waitFor(async () => (await ourPosition()) === eaPosition(), "positions agree after netting");
    expect(await ourPosition()).toBeCloseTo(-0.01, 9);
  });

  it("rests a pending order, books its fill when the price reaches it, and cancels another", async () => {
    walking = false;
    await ea.setPrice("EURUSD", "1.08000", "1.08002");
    const resting = await eurusd({ clientOrderId: "mt5-lmt-fill", type: "LIMIT", price: "1.07990" });
    expect(resting.status).toBe("ACCEPTED");
    await ea.setPrice("EURUSD", "1.07980", "1.07982");
    await settled(resting.id, "FILLED");
    walking = true;
    const toCancel = await eurusd({ clientOrderId: "mt5-lmt-cancel", type: "LIMIT", price: "1.00000" });
    const canceled = await request<Order>(COMMANDS.cancelOrder, { accountId: "demo", orderId: toCancel.id, actor: "test" });
    expect(canceled.status).toBe("CANCELED");
    expect(ours().some((t) => clientOrderIdFromComment(t.comment) === "mt5-lmt-cancel")).toBe(false);
    await waitFor(async () => (await ourPosition()) === eaPosition(), "positions agree after the pending fill");
  });

  it("keeps an OPEN whose reply never came UNKNOWN and resolves it from the open trades, never sending it again", async () => {
    ea.dropNextReply();
    const order = await eurusd({ clientOrderId: "mt5-lost-reply", type: "LIMIT", price: "1.00000" });
    expect(["NEW", "UNKNOWN"]).toContain(order.status);
    const events = () => h.services.database.query<{ event: string }>("select event from order_events where order_id = $1 order by id", [order.id]);
    await waitFor(async () => (await events()).some((e) => e.event === "RESOLVED"), "the lookup", 15_000);
    expect((await events()).map((e) => e.event)).toEqual(["NEW", "UNKNOWN", "RESOLVED"]);
    expect((await orderRow(order.id)).status).toBe("ACCEPTED");
    expect(ours().filter((t) => clientOrderIdFromComment(t.comment) === "mt5-lost-reply")).toHaveLength(1);
    expect(ea.commands().filter((c) => c.startsWith("TRADE;OPEN") && c.includes("trmt5-lost-reply"))).toHaveLength(1);
    await request<Order>(COMMANDS.cancelOrder, { accountId: "demo", orderId: order.id, actor: "test" });
  }, 30_000);

  it("shows a guard reply as the reason, and leaves the trader's own trades alone", async () => {
    ea.disableTrading("TRADE_CONTEXT_BUSY");
    const refused = await rejectionCode(eurusd({ clientOrderId: "mt5-guarded" }));
    ea.disableTrading(null);
    expect(refused).toBe("TRADE_CONTEXT_BUSY");
    ea.addManualTrade({ symbol: "EURUSD", type: 0, lots: "0.05", magic: "1", comment: "my own" });
    const [state] = await request<ReconciliationState[]>(COMMANDS.reconcileVenue, { accountId: "demo", venue: "mt5" });
    expect(state!.phase).toBe("agreed");
  });

  it("takes an order's venue field as the sender's expectation: it goes there, or is refused without trading anywhere", async () => {
    const named = await eurusd({ clientOrderId: "mt5-named", venue: "mt5", side: "SELL" });
    expect(named.venue).toBe("mt5");
    expect(await rejectionCode(eurusd({ clientOrderId: "mt5-to-paper", venue: "paper" }))).toBe("VENUE_MISMATCH");
    expect(await rejectionCode(submit({ clientOrderId: "btc-to-mt5", venue: "mt5" }))).toBe("VENUE_MISMATCH");
    expect(ours().some((t) => ["mt5-to-paper", "btc-to-mt5"].includes(clientOrderIdFromComment(t.comment) ?? ""))).toBe(false);
    expect(await h.services.database.query("select 1 from orders where client_order_id in ('mt5-to-paper', 'btc-to-mt5')")).toHaveLength(0);
  });

  it("after a restart, finds its trades again by magic number and comment, and the position matches", async () => {
    const before = await ourPosition();
    await h.restart();
    await waitFor(async () => (await venues())[0]?.reconciliation.phase === "agreed", "reconciled after the restart", 20_000);
    expect(await ourPosition()).toBeCloseTo(before, 9);
    expect(await ourPosition()).toBeCloseTo(eaPosition(), 9);
  }, 60_000);
});
