import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

const SCHEDULES = ["tick-retention", "feature-backfill", "retrain", "model-expiry", "model-evaluation", "signal-outcomes"];

test("an admin sees every schedule on the Jobs page and runs tick retention now", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/jobs");
  await expect(page.getByTestId("admin-nav").getByRole("link", { name: "Jobs" })).toHaveAttribute("aria-current", "page");
  const table = page.getByTestId("jobs-table");
  for (const name of SCHEDULES) await expect(table.locator(`[data-job="${name}"]`)).toBeVisible();
  await expect(table.locator('[data-job="retrain"]')).toContainText("cron 0 3 * * 0 (UTC)");

  const manualRuns = page.locator('[data-testid="job-run-row"][data-job="tick-retention"][data-trigger="manual"]');
  await expect(manualRuns).toHaveCount(0);
  const row = table.locator('[data-job="tick-retention"]');
  await row.getByTestId("job-run-now").click();
  // Every row has its own dialog; only this one is open.
  await expect(row.getByTestId("job-run-dialog")).toBeVisible();
  await row.getByTestId("job-run-dialog-confirm").click();

  await expect(manualRuns).toHaveCount(1);
  await expect(manualRuns.first()).toHaveAttribute("data-status", "succeeded");
  await expect(manualRuns.first()).toContainText("barsBuilt");
  await expect(row.getByTestId("job-status")).toHaveText("succeeded");
});
