import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_ADMIN } from "./e2e/support/credentials";

// Debian's Chromium; Playwright's own browser download does not work offline. Missing browser = failed suite.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) throw new Error(`e2e needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

const PORT = Number(process.env.E2E_PORT ?? 3217);
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "tradeforge-e2e-"));

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/artifacts/results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // The real embedded mode against the production build (the launcher builds it when it is missing or stale).
  webServer: {
    command: "node_modules/.bin/tsx workers/embedded.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(PORT), HOST: "127.0.0.1", DATA_DIR, MARKET_FEEDS: "sim", SIM_TICKS_PER_SECOND: "20", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn",
      ADMIN_EMAIL: E2E_ADMIN.email, ADMIN_PASSWORD: E2E_ADMIN.password,
      // The specs rest limit orders far from the market on purpose (30,000 against about 65,000).
      PRICE_COLLAR: "0.6" },
  },
});
