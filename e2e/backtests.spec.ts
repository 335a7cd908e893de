import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test.beforeEach(async ({ page }) => signIn(page));

const DAY_MS = 86_400_000;

/**
 * 300 daily bars in five 60-bar legs (up, down, up, down, up) with a small zig-zag, so both moving averages cross
 * several times whatever the lengths tried below.
 */
function trendCsv(): string {
  const rows = [",Open,High,Low,Close,Volume"];
  let price = 100;
  const start = Date.UTC(2023, 0, 2);
  for (let i = 0; i < 300; i++) {
    const drift = Math.floor(i / 60) % 2 === 0 ? 0.8 : -0.8;
    const open = price;
    const close = Math.max(5, price + drift + (i % 2 === 0 ? 0.3 : -0.3));
    const high = Math.max(open, close) + 0.5;
    const low = Math.min(open, close) - 0.5;
    const date = new Date(start + i * DAY_MS).toISOString().slice(0, 10);
    rows.push(`${date},${open.toFixed(2)},${high.toFixed(2)},${low.toFixed(2)},${close.toFixed(2)},${1000 + i}`);
    price = close;
  }
  return `${rows.join("\n")}\n`;
}

async function runBacktest(page: Page, name: string, fast: string, slow: string): Promise<void> {
  const form = page.getByRole("form", { name: "Run a backtest" });
  await form.getByLabel("Name (optional)").fill(name);
  await form.getByLabel("Fast SMA (bars)").fill(fast);
  await form.getByLabel("Slow SMA (bars)").fill(slow);
  await form.getByRole("button", { name: "Run backtest" }).click();
  const row = page.getByTestId("run-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  // A progress bar while it works; the list stops at the job's final state.
  await expect(row).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
}

async function statNumber(page: Page, tableName: string, label: string): Promise<number> {
  const row = page.getByRole("table", { name: tableName, exact: true }).getByRole("row", { name: label });
  return Number(await row.getByRole("cell").last().textContent());
}

async function uploadTrend(page: Page): Promise<void> {
  const form = page.getByRole("form", { name: "Run a backtest" });
  await form.getByLabel(/Upload a data file/).setInputFiles({ name: "trend-1d.csv", mimeType: "text/csv", buffer: Buffer.from(trendCsv()) });
  await expect(page.getByTestId("dataset-upload-status")).toContainText("300 bars");
  await expect(form.getByLabel("Dataset", { exact: true })).not.toHaveValue("");
}

test("upload bars, run two backtests, read their results and compare them", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("nav-backtests").click();
  await expect(page).toHaveURL(/\/backtests$/);
  await uploadTrend(page);
  const form = page.getByRole("form", { name: "Run a backtest" });

  // Checked in the browser with the API's own schema before anything is sent.
  await form.getByLabel("Fast SMA (bars)").fill("30");
  await form.getByLabel("Slow SMA (bars)").fill("10");
  await form.getByRole("button", { name: "Run backtest" }).click();
  await expect(form.getByText("fast must be shorter than slow")).toBeVisible();

  await runBacktest(page, "SMA 5/20", "5", "20");
  const view = page.getByTestId("run-view");
  await expect(view).toHaveAttribute("data-status", "completed");
  const trades = await statNumber(page, "Statistics", "# Trades");
  expect(trades).toBeGreaterThan(0);
  await expect(view.getByTestId("trade-row")).toHaveCount(trades);
  await expect(view.getByTestId("backtest-price-chart")).toHaveAttribute("data-markers", String(trades * 2));
  await expect(view.getByTestId("backtest-equity")).toHaveAttribute("data-points", "300");
  await page.screenshot({ path: "e2e/artifacts/backtest-run.png", fullPage: true });

  await runBacktest(page, "SMA 10/30", "10", "30");
  const secondTrades = await statNumber(page, "Statistics", "# Trades");
  expect(secondTrades).toBeGreaterThan(0);

  const compare = page.getByTestId("compare-panel");
  await compare.getByLabel("Run A").selectOption({ label: "SMA 5/20" });
  await compare.getByLabel("Run B").selectOption({ label: "SMA 10/30" });
  await expect(compare.getByTestId("compare-equity-chart")).toBeVisible();
  const tradesRow = compare.getByRole("table", { name: "Statistics compared" }).getByRole("row", { name: "# Trades" });
  const cells = tradesRow.getByRole("cell");
  await expect(cells.nth(0)).toHaveText(String(trades));
  await expect(cells.nth(1)).toHaveText(String(secondTrades));
  const difference = secondTrades - trades;
  await expect(cells.nth(2)).toHaveText(difference > 0 ? `+${difference}` : String(difference));
  await page.screenshot({ path: "e2e/artifacts/backtest-compare.png", fullPage: true });

  // Runs are server jobs: a fresh page lists them again.
  await page.reload();
  await expect(page.getByTestId("run-row").filter({ hasText: "SMA 5/20" })).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("run-row").filter({ hasText: "SMA 10/30" })).toHaveAttribute("data-status", "completed");
});

test("an optimisation shows each walk-forward window's choice and the in-sample vs out-of-sample gap", async ({ page }) => {
  await page.goto("/backtests");
  await uploadTrend(page);
  const form = page.getByRole("form", { name: "Run a backtest" });
  await form.getByRole("button", { name: "Optimise" }).click();
  await form.getByLabel("Name (optional)").fill("SMA grid");
  await form.getByLabel("Fast values").fill("5, 10");
  await form.getByLabel("Slow values").fill("20, 30");
  await form.getByLabel("Metric to maximise").selectOption("return");
  await form.getByLabel("Train window (bars)").fill("100");
  await form.getByLabel("Test window (bars)").fill("50");
  await form.getByRole("button", { name: "Run optimisation" }).click();

  await expect(page.getByTestId("run-row").filter({ hasText: "SMA grid" })).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  const view = page.getByTestId("run-view");
  const windows = view.getByRole("table", { name: "Walk-forward windows" }).getByTestId("walk-forward-row");
  await expect(windows.first()).toContainText(/fast (5|10), slow (20|30)/);
  expect(await windows.count()).toBeGreaterThan(1);
  await expect(view.getByTestId("optimize-gap")).toContainText("Mean out-of-sample");
  await expect(view.getByRole("table", { name: "Out-of-sample statistics" }).getByRole("row", { name: "# Trades" })).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/backtest-optimise.png", fullPage: true });

  // The upload can go once its runs are done; their results stay.
  const chosen = await form.getByLabel("Dataset", { exact: true }).inputValue();
  await form.getByRole("button", { name: /Delete dataset/ }).click();
  await page.getByTestId("delete-dataset-dialog-confirm").click();
  await expect(form.getByLabel("Dataset", { exact: true })).toHaveValue("");
  await expect(form.getByLabel("Dataset", { exact: true }).locator(`option[value="${chosen}"]`)).toHaveCount(0);
  await expect(page.getByTestId("run-row").filter({ hasText: "SMA grid" })).toHaveAttribute("data-status", "completed");
});
