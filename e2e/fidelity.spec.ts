import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test.beforeEach(async ({ page }) => signIn(page));

test("the live vs backtest panel shows each symbol's paper strategy against its backtest", async ({ page }) => {
  await page.goto("/");
  const panel = page.getByTestId("drift-panel");
  await expect(panel).toBeVisible();
  for (const symbol of ["BTCUSDT", "ETHUSDT"]) {
    const row = panel.getByTestId(`drift-row-${symbol}`);
    // The moving-average cross needs 20 one-minute bars before its first trade: a fresh engine is still waiting.
    await expect(row).toHaveAttribute("data-state", /waiting|in-line|diverged/);
    await expect(row.getByTestId("drift-status")).toHaveText(/waiting for its first trade|in line|diverged at .+: .+/);
  }
});
