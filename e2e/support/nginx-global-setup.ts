import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { productionBuildIsStale, runNextBuild } from "../../lib/runtime/next-build";
import { REPO_ROOT } from "../../tests/services/support/service-process";
import { startSplitStack } from "./split-stack";

/**
 * playwright.nginx.config.ts: the split deployment behind nginx for the whole run. The returned function is the
 * global teardown; it fails the run when a process died while the specs ran.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.nginx.config.ts sets no baseURL");
  // `next start` serves what is built, so build first when the sources changed (as the embedded launcher does).
  if (productionBuildIsStale(REPO_ROOT)) await runNextBuild(REPO_ROOT);
  const stack = await startSplitStack({
    httpsPort: Number(new URL(baseURL).port),
    databaseName: "tradeforge_e2e_nginx",
    logDir: path.join(REPO_ROOT, "e2e", "artifacts", "split-stack-logs"),
  });
  return () => stack.stop();
}
