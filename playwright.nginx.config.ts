import { defineConfig } from "@playwright/test";
import embedded from "./playwright.config";

// The e2e specs over HTTPS through the real nginx (deploy/nginx.conf) in front of the split deployment: web
// (`next start`), worker, realtime gateway and jobs on PostgreSQL and Redis. e2e/support/nginx-global-setup.ts
// starts and stops all of it. Browser settings, timeouts and the Chromium check are the embedded suite's.
const HTTPS_PORT = Number(process.env.E2E_NGINX_PORT ?? 3443);

// Specs that drive the suite's own server. signals, live-venue and mt5 start embedded servers of their own (a
// replayed market, a local Bybit, an MT5 EA emulator), so nginx and the split mode would not be in their path.
const SPECS_ON_THE_SUITE_SERVER = [
  "nginx-proxy.nginx-spec.ts", "dashboard.spec.ts", "roles.spec.ts", "risk.spec.ts", "backtests.spec.ts", "models.spec.ts", "jobs.spec.ts", "fidelity.spec.ts", "venues.spec.ts",
];

export default defineConfig({
  ...embedded,
  webServer: undefined,
  testMatch: SPECS_ON_THE_SUITE_SERVER,
  outputDir: "e2e/artifacts/results-nginx",
  globalSetup: "./e2e/support/nginx-global-setup.ts",
  use: { ...embedded.use, baseURL: `https://localhost:${HTTPS_PORT}`, ignoreHTTPSErrors: true },
});
