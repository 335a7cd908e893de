import type { Config } from "@/lib/config";

/** Split-mode processes need both PostgreSQL and Redis; say which variable is missing and stop. */
export function requireSplitServices(config: Config, processName: string): Config & { DATABASE_URL: string; REDIS_URL: string } {
  const missing = (["DATABASE_URL", "REDIS_URL"] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    process.stderr.write(`Invalid configuration:\n${missing.map((m) => `  - ${m}: required by the ${processName} (split mode)`).join("\n")}\n`);
    process.exit(78);
  }
  return config as Config & { DATABASE_URL: string; REDIS_URL: string };
}
