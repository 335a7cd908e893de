import { createApiKey } from "@/lib/auth/api-key-store";
import { findUserByEmail } from "@/lib/auth/user-store";
import { createPostgres } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/roles";
import { AUTH_ENV } from "./launch";
import { eventually } from "./infrastructure";

/** An API key of the first admin, whom the worker creates on its first start from ADMIN_EMAIL/ADMIN_PASSWORD. */
export async function adminApiKey(databaseUrl: string, scopes: Scope[] = ["read", "trade", "admin"]): Promise<string> {
  const database = await createPostgres(databaseUrl, 2);
  try {
    const admin = await eventually(() => findUserByEmail(database.db, AUTH_ENV.ADMIN_EMAIL!), 20_000, "the first admin to exist");
    return (await createApiKey(database.db, { userId: admin.id, name: "services test", scopes })).key;
  } finally {
    await database.close();
  }
}
