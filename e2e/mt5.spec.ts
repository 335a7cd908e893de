import { expect, type Page, test } from "@playwright/test";
import { clientOrderIdFromComment } from "../lib/venues/mt5/order-comment";
import { MT5_MAGIC, MT5_SYMBOL, startMt5Server, type Mt5Server } from "./support/mt5-server";
import { signIn } from "./support/sign-in";

// Its own server in live mode: EURUSD trades on MetaTrader 5 through the DWX EA (an emulator in this worker); BTCUSDT and ETHUSDT stay on paper.
const PORT = 3220;
let server: Mt5Server;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startMt5Server(PORT);
});
test.afterAll(async () => server?.stop());
test.beforeEach(async ({ page }) => {
  await signIn(page);
});

interface ApiOrder {
  id: string;
  clientOrderId: string;
  venue: string;
  status: string;
}

async function marketOrderFromTicket(page: Page, side: "buy" | "sell", quantity: string): Promise<void> {
  await page.getByTestId("ticket-symbol").selectOption(MT5_SYMBOL);
  await page.getByTestId(`ticket-side-${side}`).click();
  await page.getByTestId("ticket-type").selectOption("MARKET");
  await page.getByTestId("ticket-quantity").fill(quantity);
  await page.getByTestId("ticket-submit").click();
}

/** The EURUSD orders the API lists, newest first. */
async function orders(page: Page): Promise<ApiOrder[]> {
  const response = await page.request.get(`/api/orders?symbol=${MT5_SYMBOL}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: ApiOrder[] }).items;
}

/** Our market trades in the terminal (the EA lists the whole terminal's, the trader's own included). */
const ourTrades = () => server.ea.trades().filter((t) => t.magic === MT5_MAGIC && t.type <= 1);
/** The quantity the positions table shows, or "flat" once the row shows none. */
async function positionOnScreen(page: Page): Promise<string> {
  const row = page.getByTestId(`position-row-${MT5_SYMBOL}`);
  if ((await row.count()) === 0) return "flat";
  const quantity = (await row.getByTestId("position-qty").textContent())?.trim() ?? "";
  return quantity === "0" ? "flat" : quantity;
}

test("the dashboard streams EURUSD from MetaTrader and warns that its orders go to MetaTrader 5", async ({ page }) => {
  await expect(page.getByTestId("feed-badge").filter({ hasText: "MT5" })).toHaveText("MT5 · live");
  const price = page.getByTestId(`last-price-${MT5_SYMBOL}`);
  await expect(price).toHaveText(/^1\.\d/);
  const first = await price.textContent();
  await expect(price).not.toHaveText(first!);
  await expect(page.getByTestId("live-banner")).toHaveText(`LIVE TRADING — orders for ${MT5_SYMBOL} go to MetaTrader 5 with real funds`);
  const mt5 = page.getByTestId("reconciliation-panel").getByTestId("reconciliation-mt5");
  await expect(mt5.getByRole("heading")).toHaveText(`MetaTrader 5 · ${MT5_SYMBOL}`);
  await expect(mt5.getByTestId("venue-connection-state")).toHaveText("Connected");
  await expect(mt5.getByTestId("reconciliation-phase")).toHaveText("agreed");
  await expect(mt5.getByTestId("venue-connection-detail")).toHaveCount(0);
});

test("a market buy from the ticket opens exactly one trade in the terminal, and a sell closes it", async ({ page }) => {
  await marketOrderFromTicket(page, "buy", "0.01");
  await expect(page.getByTestId("ticket-result")).toHaveAttribute("data-state", "success");
  await expect(page.getByTestId("ticket-result")).toContainText(`BUY 0.01 ${MT5_SYMBOL} MARKET`);
  const [buy, ...others] = await orders(page);
  expect(others).toHaveLength(0);
  expect(buy!.venue).toBe("mt5");
  const [trade, ...more] = ourTrades();
  expect(more).toHaveLength(0);
  expect(clientOrderIdFromComment(trade!.comment)).toBe(buy!.clientOrderId);
  expect([trade!.type, trade!.lots]).toEqual([0, "0.01"]);
  await expect.poll(() => positionOnScreen(page)).toBe("0.01");

  await marketOrderFromTicket(page, "sell", "0.01");
  await expect(page.getByTestId("ticket-result")).toContainText(`SELL 0.01 ${MT5_SYMBOL} MARKET`);
  await expect(page.getByTestId("ticket-result")).toHaveAttribute("data-state", "success");
  const [sell] = await orders(page);
  expect(sell!.venue).toBe("mt5");
  expect(ourTrades()).toHaveLength(0);
  // The books first (what the engine holds), then the screen.
  await expect.poll(async () => ((await (await page.request.get("/api/positions")).json()) as { positions: Array<{ symbol: string }> }).positions.some((p) => p.symbol === MT5_SYMBOL)).toBe(false);
  await page.reload();
  await expect.poll(() => positionOnScreen(page)).toBe("flat");
});

test("when the EA refuses to trade, the ticket shows MetaTrader's reason and nothing opens", async ({ page }) => {
  server.ea.disableTrading("TRADE_CONTEXT_BUSY");
  try {
    await marketOrderFromTicket(page, "buy", "0.01");
    await expect(page.getByTestId("ticket-result")).toHaveAttribute("data-state", "rejected");
    await expect(page.getByTestId("ticket-result")).toContainText("TRADE_CONTEXT_BUSY");
  } finally {
    server.ea.disableTrading(null);
  }
  expect(ourTrades()).toHaveLength(0);
});

test("the admin Venues page shows the EA's heartbeat, says in plain words when the EA goes away, and recovers", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/admin/venues");
  const mt5 = page.getByTestId("venue-mt5");
  await expect(mt5.getByTestId("venue-mt5-address")).toContainText(`push ${server.ea.pushPort} · pull ${server.ea.pullPort} · sub ${server.ea.subPort}`);
  await expect(mt5.getByTestId("venue-mt5-magic")).toHaveText(MT5_MAGIC);
  await expect(mt5.getByTestId("venue-mt5-symbols")).toHaveText(MT5_SYMBOL);
  await expect(mt5.getByTestId("venue-connection-state")).toHaveText("Connected");
  const heartbeatAt = await mt5.getByTestId("venue-connection-last-message").locator("time").getAttribute("datetime");
  expect(Date.now() - Date.parse(heartbeatAt!)).toBeLessThan(15_000);

  await server.ea.down();
  await expect(mt5.getByTestId("venue-connection-state")).toHaveText("Disconnected", { timeout: 20_000 });
  await expect(mt5.getByTestId("venue-connection-detail")).toContainText("MetaTrader EA");

  await server.ea.up();
  await expect(mt5.getByTestId("venue-connection-state")).toHaveText("Connected", { timeout: 20_000 });
  await expect(mt5.getByTestId("venue-connection-detail")).toHaveCount(0);
});
