import { expect, type APIRequestContext, test } from "@playwright/test";
import { startReplayServer, type ReplayServer } from "./support/replay-server";
import { signIn } from "./support/sign-in";

// Its own server: a replayed market whose 1m bars close ten times a second, so a model trained on its stored bars
// can be promoted and seen calling live bars within the test.
const PORT = 3218;
const SYMBOL = "LEGSUSDT";
let server: ReplayServer;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startReplayServer(PORT, SYMBOL);
});
test.afterAll(async () => server?.stop());

async function storedBars(request: APIRequestContext): Promise<number> {
  const response = await request.get(`/api/candles?symbol=${SYMBOL}&interval=1m&limit=1000`);
  return response.ok() ? ((await response.json()) as { candles: unknown[] }).candles.length : 0;
}

async function trainOnStoredBars(request: APIRequestContext): Promise<string> {
  const started = await request.post("/api/models/train", {
    data: { data: { source: "bars", symbol: SYMBOL, interval: "1m" }, horizon: 3, seed: 3, forest: { trees: 5, maxDepth: 4 }, lstm: { windowLength: 5, units: 4, epochs: 2 }, dqn: { hiddenUnits: 8, episodes: 1 } },
  });
  expect(started.status()).toBe(202);
  const { runId } = (await started.json()) as { runId: string };
  let run: { status: string; result?: { versions?: Array<{ id: string; kind: string }> } } = { status: "queued" };
  await expect.poll(async () => {
    run = (await (await request.get(`/api/models/train/${runId}`)).json()).run;
    return run.status;
  }, { timeout: 120_000, intervals: [1_000] }).toBe("completed");
  const ensemble = run.result?.versions?.find((v) => v.kind === "ensemble");
  if (!ensemble) throw new Error(`the run stored no ensemble: ${JSON.stringify(run.result)}`);
  return ensemble.id;
}

test("a promoted ensemble calls the live bars: the overview shows its signal with every member's vote", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page);
  await expect.poll(() => storedBars(page.request), { timeout: 90_000, intervals: [1_000] }).toBeGreaterThanOrEqual(400);
  const ensembleId = await trainOnStoredBars(page.request);
  const promoted = await page.request.post(`/api/models/${ensembleId}/promote`, { data: { status: "production" } });
  expect(promoted.ok()).toBe(true);

  await page.goto("/");
  const panel = page.getByTestId("model-signals");
  const row = panel.getByTestId(`model-signal-${SYMBOL}`);
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row).toContainText(/up|down|flat/i);
  for (const member of ["rf", "lstm", "ddqn"]) await expect(row.getByTestId(`model-vote-${member}`)).toBeVisible();
});
