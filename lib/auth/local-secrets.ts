import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config, ResolvedSecrets } from "@/lib/config";

/**
 * The session-signing and encryption keys. Split mode takes them from the environment (validated as required);
 * embedded mode generates them once and keeps them in DATA_DIR/secrets.json (mode 600), so a laptop install needs
 * no setup and sessions survive restarts.
 */
export function resolveSecrets(config: Config): ResolvedSecrets {
  if (config.AUTH_SECRET && config.ENCRYPTION_KEY) return { AUTH_SECRET: config.AUTH_SECRET, ENCRYPTION_KEY: config.ENCRYPTION_KEY };
  const file = path.join(config.DATA_DIR, "secrets.json");
  let stored: Partial<ResolvedSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<ResolvedSecrets>;
  if (!stored.AUTH_SECRET || !stored.ENCRYPTION_KEY) {
    stored = { AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString("base64url"), ENCRYPTION_KEY: stored.ENCRYPTION_KEY ?? randomBytes(32).toString("hex") };
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return { AUTH_SECRET: config.AUTH_SECRET ?? stored.AUTH_SECRET!, ENCRYPTION_KEY: config.ENCRYPTION_KEY ?? stored.ENCRYPTION_KEY! };
}
