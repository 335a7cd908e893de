import { and, desc, eq } from "drizzle-orm";
import { SecretBox } from "@/lib/auth/secret-box";
import { resolveSecrets } from "@/lib/auth/local-secrets";
import type { Config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { users, venueCredentials } from "@/lib/db/schema";

export interface VenueKeys {
  apiKey: string;
  apiSecret: string;
  /** Where they came from, for the status page: never the keys themselves. */
  source: "environment" | "admin";
  hint: string;
}

/** The venue's API keys: the environment's, else the ones an admin stored last (decrypted here, in the engine only). */
export async function loadVenueKeys(db: Database, config: Config, venue: "bybit"): Promise<VenueKeys | null> {
  if (config.BYBIT_API_KEY && config.BYBIT_API_SECRET) {
    return { apiKey: config.BYBIT_API_KEY, apiSecret: config.BYBIT_API_SECRET, source: "environment", hint: config.BYBIT_API_KEY.slice(-4) };
  }
  const row = await latestAdminCredentials(db, venue);
  if (!row) return null;
  const box = new SecretBox(resolveSecrets(config).ENCRYPTION_KEY);
  return { apiKey: box.open(row.key), apiSecret: box.open(row.secret), source: "admin", hint: row.hint };
}

/** The sealed keys an admin stored last for the venue (what the engine uses when the environment has none). */
export async function latestAdminCredentials(db: Database, venue: "bybit") {
  const [row] = await db.select({ key: venueCredentials.apiKeyEncrypted, secret: venueCredentials.apiSecretEncrypted, hint: venueCredentials.apiKeyHint, updatedAt: venueCredentials.updatedAt })
    .from(venueCredentials).innerJoin(users, eq(users.id, venueCredentials.userId))
    .where(and(eq(venueCredentials.venue, venue), eq(users.role, "admin")))
    .orderBy(desc(venueCredentials.updatedAt)).limit(1);
  return row ?? null;
}
