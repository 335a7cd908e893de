import { randomBytes } from "node:crypto";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { appendAudit } from "@/lib/db/audit";
import { hashPassword } from "./passwords";
import { countAdmins, insertUser } from "./user-store";

export type FirstAdmin = { created: false } | { created: true; email: string; generatedPassword?: string };

/**
 * Creates the first admin when there is none: from ADMIN_EMAIL/ADMIN_PASSWORD, or in embedded mode with a generated
 * password the caller prints once. Split mode without the variables creates nobody and says so.
 */
export async function ensureFirstAdmin(db: Database, config: Config): Promise<FirstAdmin> {
  if ((await countAdmins(db)) > 0) return { created: false };
  const email = config.ADMIN_EMAIL ?? (config.DATABASE_URL ? undefined : "admin@localhost");
  if (!email) return { created: false };
  const generatedPassword = config.ADMIN_PASSWORD ? undefined : randomBytes(12).toString("base64url");
  const user = await insertUser(db, { email, role: "admin", accountId: config.ACCOUNT_ID, passwordHash: await hashPassword(config.ADMIN_PASSWORD ?? generatedPassword!) });
  if (!user) return { created: false };
  await appendAudit(db, { actor: "system", action: "user.create", target: user.id, details: { email, role: "admin", firstAdmin: true } });
  return { created: true, email, generatedPassword };
}
