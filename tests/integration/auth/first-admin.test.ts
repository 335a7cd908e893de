import { describe, expect, it } from "vitest";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { verifyPassword } from "@/lib/auth/passwords";
import { findUserByEmail } from "@/lib/auth/user-store";
import { parseConfig } from "@/lib/config";
import { createPglite } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

async function freshDatabase() {
  const database = await createPglite();
  await migrateDatabase(database);
  return database;
}

describe("the first admin", () => {
  it("is created once in embedded mode with a generated password that signs in", async () => {
    const database = await freshDatabase();
    const first = await ensureFirstAdmin(database.db, parseConfig({}));
    expect(first).toMatchObject({ created: true, email: "admin@localhost" });
    const password = first.created ? first.generatedPassword : undefined;
    expect(password?.length).toBeGreaterThanOrEqual(16);
    const admin = await findUserByEmail(database.db, "admin@localhost");
    expect(admin?.role).toBe("admin");
    expect(await verifyPassword(password!, admin!.passwordHash)).toBe(true);
    expect(admin!.passwordHash).not.toContain(password!);
    expect(await ensureFirstAdmin(database.db, parseConfig({}))).toEqual({ created: false });
    const [entry] = await database.query<{ action: string; details: { email: string } }>("select action, details from audit_log");
    expect(entry).toMatchObject({ action: "user.create", details: { email: "admin@localhost" } });
    expect(JSON.stringify(entry)).not.toContain(password!);
    await database.close();
  });

  it("takes ADMIN_EMAIL and ADMIN_PASSWORD when set, and prints nothing to generate", async () => {
    const database = await freshDatabase();
    const created = await ensureFirstAdmin(database.db, parseConfig({ ADMIN_EMAIL: "Boss@Example.com", ADMIN_PASSWORD: "a-long-password" }));
    expect(created).toEqual({ created: true, email: "Boss@Example.com", generatedPassword: undefined });
    const admin = await findUserByEmail(database.db, "boss@example.com");
    expect(await verifyPassword("a-long-password", admin!.passwordHash)).toBe(true);
    await database.close();
  });

  it("is not invented in split mode without ADMIN_EMAIL", async () => {
    const database = await freshDatabase();
    const split = parseConfig({ DATABASE_URL: "postgres://x@127.0.0.1/db", AUTH_SECRET: "s".repeat(40), ENCRYPTION_KEY: "ab".repeat(32) });
    expect(await ensureFirstAdmin(database.db, split)).toEqual({ created: false });
    await database.close();
  });
});
