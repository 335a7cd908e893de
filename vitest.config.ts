import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root, "server-only": fileURLToPath(new URL("./tests/support/server-only-stub.ts", import.meta.url)) };

function project(name: string, timeout: number, extra: Record<string, unknown> = {}) {
  return {
    resolve: { alias },
    test: {
      name, include: [`tests/${name}/**/*.test.ts`], environment: "node", testTimeout: timeout, hookTimeout: timeout,
      env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", NEXT_TELEMETRY_DISABLED: "1" }, ...extra,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      project("unit", 20_000),
      project("integration", 60_000),
      // Services and data suites fail, never skip, when what they need is missing.
      project("services", 180_000, { fileParallelism: false }),
      project("data", 120_000),
    ],
    coverage: { provider: "v8", include: ["lib/**"], reporter: ["text-summary", "html"] },
  },
});
