import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config";
import { appendAudit } from "@/lib/db/audit";
import { auditChainStatus, listAuditEntries } from "@/lib/server/admin/audit-log";
import { maskedConfigRows, maskUrlPassword } from "@/lib/server/admin/masked-config";
import { getSystemInfo } from "@/lib/server/admin/system-info";
import { configSchema } from "@/lib/config";
import packageJson from "@/package.json";
import { createTestUser, type TestUser } from "../support/users";
import { actAs, expectApiError, startTestbed, type Testbed } from "./support";

vi.mock("next/headers", () => import("./next-headers-mock"));

const SECRETS = {
  AUTH_SECRET: "auth-secret-auth-secret-auth-secret-0123",
  ENCRYPTION_KEY: "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100",
  ADMIN_EMAIL: "root@example.test",
  ADMIN_PASSWORD: "admin-password-0123",
  BYBIT_API_KEY: "bybit-key-0123456789",
  BYBIT_API_SECRET: "bybit-secret-0123456789",
};

let bed: Testbed;
let admin: TestUser;
const db = () => bed.services.database.db;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  bed = await startTestbed(SECRETS);
  admin = await createTestUser(bed.services, "admin");
  for (let i = 0; i < 7; i++) await appendAudit(db(), { actor: i % 2 ? "alice@example.test" : "bob@example.test", action: i % 3 ? "auth.signin" : "auth.signin.failed", details: { i } });
  await appendAudit(db(), { actor: "system", action: "risk.kill", target: "demo" });
  await appendAudit(db(), { actor: "carol@example.test", action: "authx.other" });
});
afterAll(async () => bed?.close());

describe("the audit log viewer", () => {
  it("lists newest first and pages with a keyset cursor", async () => {
    actAs(admin);
    const first = await listAuditEntries(db(), { limit: 4 });
    expect(first.entries.map((e) => e.action)).toEqual(["authx.other", "risk.kill", "auth.signin.failed", "auth.signin"]);
    expect(first.nextBefore).toBe(first.entries[3]!.id);
    const ids: number[] = first.entries.map((e) => e.id);
    let cursor = first.nextBefore;
    while (cursor !== null) {
      const page = await listAuditEntries(db(), { limit: 4, before: cursor });
      ids.push(...page.entries.map((e) => e.id));
      cursor = page.nextBefore;
    }
    expect(ids).toHaveLength(9);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(new Set(ids).size).toBe(9);
  });

  it("filters by actor substring, action name or dotted prefix, and dates", async () => {
    actAs(admin);
    const actions = async (filter: Parameters<typeof listAuditEntries>[1]) => (await listAuditEntries(db(), filter)).entries;
    expect((await actions({ actor: "ALICE" })).every((e) => e.actor === "alice@example.test")).toBe(true);
    expect(await actions({ actor: "ALICE" })).toHaveLength(3);
    expect(await actions({ actor: "%" })).toHaveLength(0);
    expect((await actions({ action: "auth.signin" })).map((e) => e.action).sort()).toEqual([...Array(4).fill("auth.signin"), ...Array(3).fill("auth.signin.failed")].sort());
    expect(await actions({ action: "auth.signin.failed" })).toHaveLength(3);
    // A prefix stops at a dot: "auth" is not a prefix of "authx.other".
    expect((await actions({ action: "auth" })).some((e) => e.action === "authx.other")).toBe(false);
    expect(await actions({ action: "auth" })).toHaveLength(7);
    expect(await actions({ action: "risk.kill", actor: "system" })).toEqual([expect.objectContaining({ target: "demo", details: null })]);
    expect(await actions({ from: day(0), to: day(0) })).toHaveLength(9);
    expect(await actions({ from: day(1) })).toHaveLength(0);
    expect(await actions({ to: day(-1) })).toHaveLength(0);
    await expectApiError(listAuditEntries(db(), { from: "yesterday" }), 400, "VALIDATION_ERROR");
  });

  it("reports the chain intact, then names the first edited entry", async () => {
    actAs(admin);
    expect(await auditChainStatus(db())).toMatchObject({ ok: true, entries: 9 });
    const victim = (await listAuditEntries(db(), { action: "risk.kill" })).entries[0]!;
    // Only a superuser can do this (the trigger refuses the application); the chain still tells.
    await bed.services.database.query("alter table audit_log disable trigger audit_log_append_only");
    await bed.services.database.query("update audit_log set actor = 'someone-else' where id = $1", [victim.id]);
    await bed.services.database.query("alter table audit_log enable trigger audit_log_append_only");
    expect(await auditChainStatus(db())).toMatchObject({ ok: false, brokenId: victim.id, reason: expect.stringMatching(/edited/) });
  });
});

describe("the system page", () => {
  it("shows health, versions and mode, and every config variable with secrets masked", async () => {
    actAs(admin);
    const info = await getSystemInfo();
    expect(info.versions).toEqual({ app: packageJson.version, node: process.version, next: expect.stringMatching(/^16\./) });
    expect(info.mode).toBe("embedded");
    expect(info.health.checks.database).toMatchObject({ ok: true });
    expect(info.config.map((r) => r.name)).toEqual(Object.keys(configSchema.shape));
    const row = (name: string) => info.config.find((r) => r.name === name);
    for (const name of ["AUTH_SECRET", "ENCRYPTION_KEY", "ADMIN_PASSWORD", "BYBIT_API_KEY", "BYBIT_API_SECRET"]) expect(row(name)).toMatchObject({ value: "••••", set: true, secret: true });
    expect(row("ADMIN_EMAIL")?.value).toBe("root@example.test");
    expect(row("DATABASE_URL")).toMatchObject({ value: "", set: false });
    const dump = JSON.stringify(info);
    for (const secret of Object.values(SECRETS).filter((v) => v !== SECRETS.ADMIN_EMAIL)) expect(dump).not.toContain(secret);
  });

  it("masks passwords inside DATABASE_URL and REDIS_URL", () => {
    const config = parseConfig({ ...SECRETS, DATA_DIR: "/tmp/x", DATABASE_URL: "postgres://app:s3cr%40t@db.internal:5432/trading?sslmode=require", REDIS_URL: "rediss://:redis-pass@cache:6380/0" });
    const rows = maskedConfigRows(config);
    expect(rows.find((r) => r.name === "DATABASE_URL")?.value).toBe("postgres://app:••••@db.internal:5432/trading?sslmode=require");
    expect(rows.find((r) => r.name === "REDIS_URL")?.value).toBe("rediss://:••••@cache:6380/0");
    expect(JSON.stringify(rows)).not.toMatch(/s3cr|redis-pass/);
    expect(maskUrlPassword("postgres://db/x?user=a&password=hunter2")).toBe("postgres://db/x?user=a&password=••••");
    expect(maskUrlPassword("redis://cache:6379")).toBe("redis://cache:6379");
    expect(maskUrlPassword("postgres://user@db/x")).toBe("postgres://user@db/x");
  });
});
