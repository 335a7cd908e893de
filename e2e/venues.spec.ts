import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in";

const stamp = Date.now().toString(36);
const TRADER = { email: `venues-trader-${stamp}@e2e.test`, password: "trader-password-1" };
const API_KEY = `E2EKEY${stamp.toUpperCase()}WXYZ`;
const API_SECRET = `e2e-secret-${stamp}-never-shown`;

async function createTrader(page: Page): Promise<void> {
  await page.goto("/admin/users");
  await page.getByTestId("user-create-email").fill(TRADER.email);
  await page.getByTestId("user-create-role").selectOption("trader");
  await page.getByTestId("user-create-password").fill(TRADER.password);
  await page.getByTestId("user-create-submit").click();
  await expect(page.getByTestId("users-table")).toContainText(TRADER.email);
}

test.describe.configure({ mode: "serial" });

test("an admin sees both venues, where orders go, stores Bybit keys and tests the connection", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/users");
  await page.getByTestId("admin-nav").getByRole("link", { name: "Venues" }).click();
  await expect(page).toHaveURL(/\/admin\/venues$/);

  await expect(page.getByTestId("venues-trading-mode")).toHaveAttribute("data-state", "paper");
  await expect(page.getByTestId("venues-mode-sentence")).toContainText("TRADING_MODE=live, ENABLE_LIVE_TRADING=true");
  await expect(page.getByTestId("venue-paper-status")).toHaveText("Always on");
  await expect(page.getByTestId("venue-bybit").getByTestId("venue-connection-state")).toHaveText("Not used: paper mode");
  await expect(page.getByTestId("venue-bybit-keys")).toHaveText("No API keys");
  for (const symbol of ["BTCUSDT", "ETHUSDT"]) await expect(page.getByTestId(`venue-route-${symbol}`)).toHaveAttribute("data-venue", "paper");
  await expect(page.getByTestId("venue-routes-table").locator("tr[data-venue]:not([data-venue='paper'])")).toHaveCount(0);

  await page.getByTestId("bybit-api-key").fill(API_KEY);
  await page.getByTestId("bybit-api-secret").fill(API_SECRET);
  await expect(page.getByTestId("bybit-api-secret")).toHaveAttribute("type", "password");
  await page.getByTestId("bybit-keys-submit").click();
  await expect(page.getByTestId("bybit-keys-saved")).toContainText("paper mode");
  await expect(page.getByTestId("venue-bybit-keys")).toContainText("Key ••••WXYZ, stored by an admin");
  await expect(page.getByTestId("bybit-api-secret")).toHaveValue("");
  await page.reload();
  await expect(page.getByTestId("venue-bybit-keys")).toContainText("••••WXYZ");
  expect(await page.content()).not.toContain(API_SECRET);
  expect(await page.content()).not.toContain(API_KEY);

  // No internet on the e2e machine: the test must say so in plain words instead of hanging.
  await page.getByTestId("bybit-test-connection").click();
  const result = page.getByTestId("bybit-test-result");
  await expect(result).toHaveAttribute("data-state", "failed", { timeout: 30_000 });
  await expect(result).toContainText("Bybit could not be reached");
  await expect(result).toContainText("Cannot reach Bybit at https://api.bybit.com");
});

test("a trader gets a 404 on the Venues page", async ({ browser, page }) => {
  await signIn(page);
  await createTrader(page);
  const trader = await (await browser.newContext()).newPage();
  await signIn(trader, TRADER);
  expect((await trader.goto("/admin/venues"))?.status()).toBe(404);
  await trader.context().close();
});

test("the dashboard shows no live banner and no reconciliation panel in paper mode", async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId("trading-mode")).toHaveAttribute("data-state", "paper");
  await expect(page.getByTestId("last-price-BTCUSDT")).toHaveText(/\d/);
  await expect(page.getByTestId("live-banner")).toHaveCount(0);
  await expect(page.getByTestId("reconciliation-panel")).toHaveCount(0);
});
