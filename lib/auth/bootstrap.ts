import type { Logger } from "pino";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { ensureFirstAdmin } from "./first-admin";
import { resolveSecrets } from "./local-secrets";

/** On start: make sure the signing and encryption keys exist, and that someone can sign in. */
export async function bootstrapAuth(db: Database, config: Config, log: Logger): Promise<void> {
  resolveSecrets(config);
  const admin = await ensureFirstAdmin(db, config);
  if (!admin.created) return;
  if (admin.generatedPassword) {
    // Printed once, on the console only: it is in no log file and cannot be shown again.
    process.stdout.write(`\n  First admin created: ${admin.email}\n  Password (shown once): ${admin.generatedPassword}\n  Change it on the profile page after signing in.\n\n`);
  } else {
    log.info({ email: admin.email }, "first admin created from ADMIN_EMAIL");
  }
}
