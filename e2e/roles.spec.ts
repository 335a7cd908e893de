import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

const stamp = Date.now().toString(36);
const TRADER = { email: `trader-${stamp}@e2e.test`, password: "trader-password-1" };
const VIEWER = { email: `viewer-${stamp}@e2e.test`, password: "viewer-password-1" };

async function createUser(page: Page, user: { email: string; password: string }, role: "trader" | "viewer"): Promise<void> {
  await page.goto("/admin/users");
  await page.getByTestId("user-create-email").fill(user.email);
  await page.getByTestId("user-create-role").selectOption(role);
  await page.getByTestId("user-create-password").fill(user.password);
  await page.getByTestId("user-create-submit").click();
  await expect(page.getByTestId("users-table")).toContainText(user.email);
}

async function asUser(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

test.describe.configure({ mode: "serial" });

test("an admin creates a trader and a viewer, and sees every admin page", async ({ page }) => {
  await signIn(page);
  await createUser(page, TRADER, "trader");
  await createUser(page, VIEWER, "viewer");
  for (const path of ["/admin/users", "/admin/api-keys", "/admin/audit", "/admin/system"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  await expect(page.getByTestId("config-table")).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-chain-status")).toContainText(/ok|intact|verified/i);
  await expect(page.getByTestId("audit-table")).toContainText("user.create");
});

test("a viewer sees prices but no order ticket or kill switch, and the API refuses its orders", async ({ browser }) => {
  const page = await asUser(browser, VIEWER);
  await expect(page.getByTestId("last-price-BTCUSDT")).toHaveText(/\d/);
  await expect(page.getByTestId("user-role")).toContainText("viewer");
  await expect(page.getByTestId("order-ticket")).toHaveCount(0);
  await expect(page.getByTestId("kill-switch")).toHaveCount(0);
  const refused = await page.request.post("/api/orders", { data: { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.01" } });
  expect(refused.status()).toBe(403);
  expect((await page.goto("/admin/users"))?.status()).toBe(404);
  await page.context().close();
});

test("a trader trades but sees no /admin and cannot re-arm", async ({ browser }) => {
  const page = await asUser(browser, TRADER);
  await expect(page.getByTestId("order-ticket")).toBeVisible();
  await expect(page.getByTestId("kill-switch")).toBeVisible();
  await expect(page.getByRole("link", { name: /admin/i })).toHaveCount(0);
  expect((await page.goto("/admin"))?.status()).toBe(404);
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
  await page.context().close();
});

test("signed out, the dashboard sends you to sign in and the API answers 401", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  const response = await page.request.get("/api/positions");
  expect(response.status()).toBe(401);
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await page.goto("/signin");
  await page.getByTestId("signin-email").fill(TRADER.email);
  await page.getByTestId("signin-password").fill("not-the-password");
  await page.getByTestId("signin-submit").click();
  await expect(page.getByTestId("signin-error")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
