import { E2E_ADMIN } from "./support/credentials";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test.beforeEach(async ({ page }) => signIn(page));

async function placeFromTicket(page: Page, order: { side: "buy" | "sell"; type: "MARKET" | "LIMIT" | "STOP"; quantity: string; price?: string }) {
  await page.getByTestId(`ticket-side-${order.side}`).click();
  await page.getByTestId("ticket-type").selectOption(order.type);
  await page.getByTestId("ticket-quantity").fill(order.quantity);
  if (order.price) await page.getByTestId("ticket-price").fill(order.price);
  await page.getByTestId("ticket-submit").click();
}

test("the dashboard loads with a simulated feed and moving prices", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("feed-badge").first()).toContainText("SIMULATED");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-state", "live");
  for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
    const price = page.getByTestId(`last-price-${symbol}`);
    await expect(price).toHaveText(/\d/);
    const first = await price.textContent();
    await expect(price).not.toHaveText(first!, { timeout: 20_000 });
  }
  await expect(page.getByTestId("candle-chart")).toHaveAttribute("data-state", /ready|empty/);
  await expect(page.getByTestId("account-equity")).toHaveText(/\d/);
  await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "ACTIVE");
  await page.screenshot({ path: "e2e/artifacts/dashboard.png", fullPage: true });
});

test("a market order from the ticket fills and shows in positions and fills", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("last-price-BTCUSDT")).toHaveText(/\d/);
  await placeFromTicket(page, { side: "buy", type: "MARKET", quantity: "0.01" });
  await expect(page.getByTestId("ticket-result")).toContainText("FILLED");
  await expect(page.getByTestId("position-row-BTCUSDT")).toBeVisible();
  await expect(page.getByTestId("position-row-BTCUSDT").getByTestId("position-qty")).toContainText("0.01");
  await expect(page.getByTestId("fills-table").getByTestId("fill-row").first()).toContainText("BTCUSDT");
  await page.screenshot({ path: "e2e/artifacts/dashboard-after-fill.png", fullPage: true });
});

test("a limit order rests in open orders, can be amended within the risk limits, and canceled", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("last-price-BTCUSDT")).toHaveText(/\d/);
  await placeFromTicket(page, { side: "buy", type: "LIMIT", quantity: "0.01", price: "30000" });
  await expect(page.getByTestId("ticket-result")).toContainText("ACCEPTED");
  const row = page.getByTestId("open-orders-table").getByTestId("order-row").first();
  await expect(row).toContainText("30");
  await row.getByRole("button", { name: /^amend/i }).click();
  await row.getByTestId("amend-price").fill("31000");
  await row.getByTestId("amend-quantity").fill("0.02");
  await row.getByTestId("amend-submit").click();
  await expect(row).toContainText("31");
  await expect(row).toContainText("0.02");
  // Far outside the price collar (the e2e server allows 60 %): the risk gate refuses the amend and says why.
  await row.getByRole("button", { name: /^amend/i }).click();
  await row.getByTestId("amend-price").fill("1000");
  await row.getByTestId("amend-submit").click();
  await expect(row.getByTestId("amend-error")).toContainText("PRICE_COLLAR");
  await row.getByRole("button", { name: /^back$/i }).click();
  await expect(row).toContainText("31");
  await row.getByRole("button", { name: /cancel/i }).click();
  await expect(page.getByTestId("open-orders-table").getByTestId("order-row")).toHaveCount(0);
});

test("a rejected order shows its reason code", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("last-price-BTCUSDT")).toHaveText(/\d/);
  await placeFromTicket(page, { side: "buy", type: "MARKET", quantity: "100" });
  await expect(page.getByTestId("ticket-result")).toContainText("MAX_ORDER_NOTIONAL");
});

test("the kill switch halts trading until an admin re-arms it with their password", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("kill-switch").click();
  await page.getByTestId("kill-switch-dialog-confirm").click();
  await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "HALTED");
  await placeFromTicket(page, { side: "buy", type: "MARKET", quantity: "0.01" });
  await expect(page.getByTestId("ticket-result")).toContainText("KILL_SWITCH_ACTIVE");
  await page.getByTestId("risk-rearm").click();
  await page.getByTestId("rearm-password").fill("not-my-password");
  await page.getByTestId("rearm-confirm").click();
  await expect(page.getByTestId("rearm-error")).toContainText("password");
  await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "HALTED");
  await page.getByTestId("rearm-password").fill(E2E_ADMIN.password);
  await page.getByTestId("rearm-confirm").click();
  await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "ACTIVE");
});

test("the dashboard fits a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByTestId("last-price-BTCUSDT")).toHaveText(/\d/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: "e2e/artifacts/dashboard-phone.png", fullPage: true });
});

test("the model signals panel says plainly when no ensemble is in production", async ({ page }) => {
  await page.goto("/");
  const panel = page.getByTestId("model-signals");
  await expect(panel.getByTestId("model-signals-empty")).toHaveText("No ensemble in production — train one and promote it on the Models page.");
  await expect(panel.getByRole("link", { name: "Models page" })).toHaveAttribute("href", "/models");
});
