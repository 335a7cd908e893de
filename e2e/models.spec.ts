import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test.beforeEach(async ({ page }) => signIn(page));

const HOUR_MS = 3_600_000;

/** 400 hourly bars in legs of 50 (up, down, ...) with a zig-zag, so every part of the split sees up, down and flat labels. */
function legsCsv(): string {
  const rows = [",Open,High,Low,Close,Volume"];
  let price = 100;
  const start = Date.UTC(2023, 0, 2);
  for (let i = 0; i < 400; i++) {
    const drift = Math.floor(i / 50) % 2 === 0 ? 0.4 : -0.4;
    const open = price;
    const close = Math.max(5, price + drift + (i % 3 === 0 ? 0.5 : -0.2));
    const high = Math.max(open, close) + 0.3;
    const low = Math.min(open, close) - 0.3;
    const time = new Date(start + i * HOUR_MS).toISOString().slice(0, 19).replace("T", " ");
    rows.push(`${time},${open.toFixed(2)},${high.toFixed(2)},${low.toFixed(2)},${close.toFixed(2)},${1000 + i}`);
    price = close;
  }
  return `${rows.join("\n")}\n`;
}

/** Uploads through the Backtests page, as a trader would (a fresh engine has too few stored 1m bars to train on). */
async function uploadLegs(page: Page): Promise<void> {
  await page.goto("/backtests");
  const form = page.getByRole("form", { name: "Run a backtest" });
  await form.getByLabel(/Upload a data file/).setInputFiles({ name: "legs-1h.csv", mimeType: "text/csv", buffer: Buffer.from(legsCsv()) });
  await expect(page.getByTestId("dataset-upload-status")).toContainText("400 bars");
}

test("train four models on an uploaded dataset, read the ensemble beside the baselines, promote it", async ({ page }) => {
  test.setTimeout(180_000);
  await uploadLegs(page);
  await page.getByTestId("nav-models").click();
  await expect(page).toHaveURL(/\/models$/);

  const form = page.getByRole("form", { name: "Train models" });
  // The API's own schema checks the form before anything is sent.
  await form.getByRole("button", { name: "Train" }).click();
  await expect(form.getByText("Choose a dataset")).toBeVisible();

  const datasetSelect = form.getByLabel("Dataset", { exact: true });
  const uploaded = await datasetSelect.locator("option", { hasText: "legs-1h" }).last().getAttribute("value");
  await datasetSelect.selectOption(uploaded ?? "");
  await form.getByLabel("Forest trees").fill("5");
  await form.getByLabel("LSTM epochs").fill("1");
  await form.getByLabel("DQN episodes").fill("1");
  await form.getByRole("button", { name: "Train" }).click();

  // The runs list shows every run, newest first: the one just started is on top.
  const progress = page.getByTestId("training-run-row").first().getByTestId("training-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("data-status", "completed", { timeout: 120_000 });
  await expect(progress.getByTestId("training-stage")).toHaveText("done");

  const rows = page.getByTestId("version-row");
  await expect(rows).toHaveCount(4);
  for (const kind of ["rf", "lstm", "ddqn", "ensemble"]) {
    await expect(rows.and(page.locator(`[data-kind="${kind}"]`))).toHaveAttribute("data-status", "candidate");
  }

  const ensemble = rows.and(page.locator('[data-kind="ensemble"]'));
  await ensemble.getByRole("button", { name: /^Details of/ }).click();
  const details = page.getByTestId("version-details");
  await expect(details).toHaveAttribute("data-kind", "ensemble");
  const testTable = details.getByRole("table", { name: "Test metrics beside the baselines" });
  await expect(testTable.getByTestId("model-metrics-row")).toHaveCount(1);
  for (const baseline of ["majority-class", "persistence", "buy-and-hold", "ma-cross"]) {
    await expect(testTable.getByRole("row", { name: new RegExp(`^${baseline}`) })).toBeVisible();
  }
  // Confusion matrices: the model's beside the persistence and majority-class baselines' on the same bars.
  const matrices = details.getByTestId("confusion-matrix");
  await expect(matrices).toHaveCount(3);
  await expect(matrices.nth(1)).toHaveAttribute("data-predictor", "persistence");
  await expect(details.getByRole("table", { name: /^Confusion matrix of ensemble \(model\)/ }).getByRole("row", { name: /^up/ })).toContainText("%");
  await expect(details.getByTestId("calibration-chart").locator(".recharts-line")).toHaveCount(3);
  await expect(details.getByTestId("calibration-chart")).toContainText("majority-class (baseline)");
  // The ensemble shows its learned weights and its Random Forest member's feature importance.
  await expect(details.getByTestId("ensemble-members").getByRole("row")).toHaveCount(4);
  await expect(details.getByTestId("feature-importance").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("version-market").first()).toHaveText(/\S+ 1h$/);
  await page.screenshot({ path: "e2e/artifacts/models-details.png", fullPage: true });

  await ensemble.getByRole("button", { name: /^Production:/ }).click();
  const confirm = page.getByRole("alertdialog", { name: /to production\?$/ });
  await expect(confirm).toContainText("now in production is archived");
  await confirm.getByRole("button", { name: "Production" }).click();
  await expect(ensemble).toHaveAttribute("data-status", "production");
  await expect(ensemble.getByTestId("model-status")).toHaveText("production");
  await expect(details.getByTestId("model-status")).toHaveText("production");
});
