import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./support/credentials";
import { signIn } from "./support/sign-in";

test.beforeEach(async ({ page }) => signIn(page));

test("the risk page: limits in use, an admin changes a limit, the kill switch halts and a password re-arms", async ({ page }) => {
  await page.goto("/risk");
  await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "ACTIVE");
  await expect(page.getByTestId("utilisation-maxOrdersPerMinute")).toBeVisible();
  await expect(page.getByTestId("utilisation-maxDailyLossFraction")).toBeVisible();

  const maxOrder = page.getByTestId("limit-maxOrderNotional");
  const original = await maxOrder.inputValue();
  await maxOrder.fill("2");
  await page.getByTestId("limits-save").click();
  await expect(page.getByTestId("limits-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("limit-maxOrderNotional")).toHaveValue("2");
  await expect(page.getByTestId("risk-events")).toContainText("LIMITS_CHANGED");
  await page.getByTestId("limit-maxPositionFraction").fill("3");
  await page.getByTestId("limits-save").click();
  await expect(page.getByTestId("limits-error")).toBeVisible();
  await page.reload();
  await page.getByTestId("limit-maxOrderNotional").fill(original);
  await page.getByTestId("limits-save").click();
  await expect(page.getByTestId("limits-saved")).toBeVisible();

  const advanced = page.getByTestId("limits-advanced");
  await advanced.fill("{ not json");
  await page.getByTestId("limits-save").click();
  await expect(page.getByTestId("limits-error")).toContainText("JSON");
  await advanced.fill(JSON.stringify({ allowedSymbols: ["BTCUSDT", "ETHUSDT"], protections: { cooldownAfterExitMs: 60000 } }));
  await page.getByTestId("limits-save").click();
  await expect(page.getByTestId("limits-saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("limits-advanced")).toHaveValue(/cooldownAfterExitMs/);
  await page.getByTestId("limits-advanced").fill(JSON.stringify({ allowedSymbols: null, protections: null }));
  await page.getByTestId("limits-save").click();
  await expect(page.getByTestId("limits-saved")).toBeVisible();

  await page.getByTestId("kill-switch").click();
  await page.getByTestId("kill-switch-dialog-confirm").click();
  await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "HALTED");
  await page.getByTestId("risk-rearm").click();
  await page.getByTestId("rearm-password").fill(E2E_ADMIN.password);
  await page.getByTestId("rearm-confirm").click();
  await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "ACTIVE");
  await page.screenshot({ path: "e2e/artifacts/risk-page.png", fullPage: true });
});
