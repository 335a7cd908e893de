import { expect, type Page, test } from "@playwright/test";
import { LIVE_SYMBOL, PAPER_SYMBOL, startLiveServer, type LiveServer } from "./support/live-server";
import { signIn } from "./support/sign-in";

// Its own server in live mode: BTCUSDT trades on a local fake Bybit (v5 REST + private stream), ETHUSDT on paper.
const PORT = 3219;
let server: LiveServer;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startLiveServer(PORT);
});
test.afterAll(async () => server?.stop());
test.beforeEach(async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId(`last-price-${LIVE_SYMBOL}`)).toHaveText(/\d/);
});

interface ApiOrder {
  id: string;
  clientOrderId: string;
  venue: string;
  status: string;
}

/** A market buy typed into the ticket (the ticket sends it through a server action, so its answer is read on screen). */
async function buyAtMarketFromTicket(page: Page, symbol: string, quantity: string): Promise<void> {
  await page.getByTestId("ticket-symbol").selectOption(symbol);
  await page.getByTestId("ticket-side-buy").click();
  await page.getByTestId("ticket-type").selectOption("MARKET");
  await page.getByTestId("ticket-quantity").fill(quantity);
  await page.getByTestId("ticket-submit").click();
}

/** The orders the API lists for a symbol, newest first. */
async function ordersOf(page: Page, symbol: string): Promise<ApiOrder[]> {
  const response = await page.request.get(`/api/orders?symbol=${symbol}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: ApiOrder[] }).items;
}

const atVenue = (clientOrderId: string) => server.fake.orders().filter((o) => o.orderLinkId === clientOrderId);
/** The fake's position as the positions table writes it (signed, no trailing zeros). */
function venuePosition(symbol: string): string {
  const row = server.fake.positions().find((p) => p.symbol === symbol);
  const size = Number(row?.size ?? 0);
  return String(row?.side === "Sell" ? -size : size);
}
const positionOnScreen = (page: Page, symbol: string) => page.getByTestId(`position-row-${symbol}`).getByTestId("position-qty");

test("the dashboard warns in red that BTCUSDT trades on Bybit, and the books agree", async ({ page }) => {
  await expect(page.getByTestId("live-banner")).toHaveText("LIVE TRADING — orders for BTCUSDT go to Bybit with real funds");
  await expect(page.getByTestId("live-banner")).toHaveCSS("background-color", "rgb(185, 28, 28)");
  await expect(page.getByTestId("trading-mode")).toHaveText("LIVE");
  const bybit = page.getByTestId("reconciliation-panel").getByTestId("reconciliation-bybit");
  await expect(bybit.getByTestId("venue-connection-state")).toHaveText("Connected");
  await expect(bybit.getByTestId("reconciliation-phase")).toHaveText("agreed");
  await expect(bybit.getByTestId("mismatch-row")).toHaveCount(0);
  await expect(bybit.getByTestId("reconciliation-blocked")).toHaveCount(0);
});

test("a market buy of BTCUSDT from the ticket is sent to Bybit once, and its position shows", async ({ page }) => {
  await buyAtMarketFromTicket(page, LIVE_SYMBOL, "0.002");
  await expect(page.getByTestId("ticket-result")).toHaveAttribute("data-state", "success");
  await expect(page.getByTestId("ticket-result")).toContainText("BUY 0.002 BTCUSDT MARKET");
  const [order, ...others] = await ordersOf(page, LIVE_SYMBOL);
  expect(others).toHaveLength(0);
  expect(order!.venue).toBe("bybit");
  expect(atVenue(order!.clientOrderId)).toHaveLength(1);
  expect(server.fake.orders()).toHaveLength(1);
  await expect(page.getByTestId("fills-table").locator(`[data-order-id='${order!.id}']`)).toContainText(LIVE_SYMBOL);
  await expect.poll(() => venuePosition(LIVE_SYMBOL)).toBe("0.002");
  await expect(positionOnScreen(page, LIVE_SYMBOL)).toHaveText(venuePosition(LIVE_SYMBOL));
});

test("an ETHUSDT order from the ticket stays on paper", async ({ page }) => {
  await buyAtMarketFromTicket(page, PAPER_SYMBOL, "0.01");
  await expect(page.getByTestId("ticket-result")).toContainText("FILLED: BUY 0.01 ETHUSDT MARKET");
  const [order] = await ordersOf(page, PAPER_SYMBOL);
  expect(order!.venue).toBe("paper");
  await expect(positionOnScreen(page, PAPER_SYMBOL)).toHaveText("0.01");
  expect(atVenue(order!.clientOrderId)).toHaveLength(0);
  expect(server.fake.orders().filter((o) => o.symbol === PAPER_SYMBOL)).toHaveLength(0);
});

test("an order and a position made at Bybit by hand block trading until a trader cancels one and adopts the other", async ({ page }) => {
  const manual = server.fake.placeManualOrder({ symbol: LIVE_SYMBOL, side: "Buy", orderType: "Limit", qty: "0.003", price: "40000.0" });
  server.fake.setPosition(LIVE_SYMBOL, "0.007", "59000.0");
  const bybit = page.getByTestId("reconciliation-bybit");
  await bybit.getByTestId("reconcile-now").click();
  await expect(bybit.getByTestId("reconciliation-phase")).toHaveText("mismatch");
  const rows = bybit.getByTestId("mismatch-row");
  const mismatch = (kind: string) => bybit.locator(`[data-testid='mismatch-row'][data-kind='${kind}']`);
  await expect(rows).toHaveCount(2);
  await expect(mismatch("venue-order")).toContainText("placed outside the platform");
  await expect(mismatch("venue-order")).toContainText("BUY 0.003 LIMIT @ 40000");
  await expect(mismatch("position")).toContainText("0.007");
  await expect(bybit.getByTestId("reconciliation-blocked")).toHaveText("New orders to Bybit are blocked until the books agree (reconciliation: mismatch).");

  await buyAtMarketFromTicket(page, LIVE_SYMBOL, "0.001");
  await expect(page.getByTestId("ticket-result")).toContainText("Rejected: VENUE_NOT_RECONCILED");
  expect(server.fake.orders()).toHaveLength(2);

  await mismatch("venue-order").getByTestId("mismatch-cancel").click();
  await expect(page.getByTestId("mismatch-dialog")).toContainText("Cancel the BTCUSDT order at the venue?");
  await page.getByTestId("mismatch-dialog-confirm").click();
  await expect(rows).toHaveCount(1);
  await expect.poll(() => server.fake.orders().find((o) => o.orderId === manual.orderId)?.orderStatus).toBe("Cancelled");

  await mismatch("position").getByTestId("mismatch-adopt").click();
  await expect(page.getByTestId("mismatch-dialog")).toContainText("Adopt the venue's view of BTCUSDT?");
  await page.getByTestId("mismatch-dialog-confirm").click();
  await expect(bybit.getByTestId("reconciliation-phase")).toHaveText("agreed");
  await expect(rows).toHaveCount(0);
  await expect(bybit.getByTestId("reconciliation-blocked")).toHaveCount(0);
  await expect(positionOnScreen(page, LIVE_SYMBOL)).toHaveText(venuePosition(LIVE_SYMBOL));
  expect(venuePosition(LIVE_SYMBOL)).toBe("0.007");
});
