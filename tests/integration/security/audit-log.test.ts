import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, createPglite } from "@/lib/db/client";
import { appendAudit, entryHash, verifyAuditChain } from "@/lib/db/audit";
import { auditLog } from "@/lib/db/schema";
import { migrateDatabase } from "@/lib/db/migrate";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
let handles: DatabaseHandle[] = [];

afterEach(async () => {
  await Promise.all(handles.map((h) => h.close()));
  handles = [];
});

/** A migrated database with five chained entries; returns their ids in order. */
async function auditedDatabase(dataDir?: string): Promise<{ db: DatabaseHandle; ids: number[] }> {
  const db = await createPglite(dataDir);
  handles.push(db);
  await migrateDatabase(db);
  for (let i = 1; i <= 5; i += 1) await appendAudit(db.db, { actor: "trader@example.test", action: "order.submit", target: `order-${i}`, details: { quantity: `0.0${i}` } });
  const rows = await db.query<{ id: number }>("select id from audit_log order by id");
  return { db, ids: rows.map((r) => Number(r.id)) };
}

// As a superuser would: the trigger off, one change, the trigger back on.
async function tamper(db: DatabaseHandle, statement: string): Promise<void> {
  await db.query("alter table audit_log disable trigger audit_log_append_only");
  await db.query(statement);
  await db.query("alter table audit_log enable trigger audit_log_append_only");
}

describe("audit log: append-only and hash-chained", () => {
  it("refuses UPDATE, DELETE and TRUNCATE from the application", async () => {
    const { db, ids } = await auditedDatabase();
    await expect(db.query(`update audit_log set details = '{"quantity":"9"}' where id = ${ids[1]}`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from audit_log where id = ${ids[1]}`)).rejects.toThrow(/append-only/);
    await expect(db.query("truncate audit_log")).rejects.toThrow(/append-only/);
    expect(await db.query("select count(*)::int as n from audit_log")).toEqual([{ n: 5 }]);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, entries: 5, legacy: 0 });
  });

  it("names the first edited entry when a superuser changes content behind the trigger", async () => {
    const { db, ids } = await auditedDatabase();
    await tamper(db, `update audit_log set details = '{"quantity":"9"}' where id = ${ids[2]}`);
    await tamper(db, `update audit_log set actor = 'someone-else' where id = ${ids[3]}`);
    const result = await verifyAuditChain(db.db);
    expect(result).toMatchObject({ ok: false, brokenId: ids[2] });
    expect(result.ok ? "" : result.reason).toMatch(/edited/);
  });

  it("names the entry after a deleted one (its link no longer matches)", async () => {
    const { db, ids } = await auditedDatabase();
    await tamper(db, `delete from audit_log where id = ${ids[1]}`);
    const result = await verifyAuditChain(db.db);
    expect(result).toMatchObject({ ok: false, brokenId: ids[2] });
    expect(result.ok ? "" : result.reason).toMatch(/removed or inserted/);
  });

  it("catches an edit that also recomputes the entry's own hash, at the next entry", async () => {
    const { db, ids } = await auditedDatabase();
    const [row] = await db.db.select().from(auditLog).where(eq(auditLog.id, ids[2]!));
    const details = { quantity: "9" };
    const hash = entryHash(row!.prevHash, { ...row!, details });
    await tamper(db, `update audit_log set details = '${JSON.stringify(details)}', hash = '${hash}' where id = ${ids[2]}`);
    const result = await verifyAuditChain(db.db);
    expect(result).toMatchObject({ ok: false, brokenId: ids[3] });
    expect(result.ok ? "" : result.reason).toMatch(/removed or inserted/);
  });
});

describe("npm run audit:verify (scripts/audit-verify.ts)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tf-audit-verify-"));
  const verify = () =>
    run(path.join(REPO_ROOT, "node_modules/.bin/tsx"), ["scripts/audit-verify.ts"], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATA_DIR: dataDir, LOG_LEVEL: "silent" } })
      .then(({ stdout }) => ({ code: 0, stdout }))
      .catch((error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }));

  it("prints OK with the entry count, then BROKEN naming the edited entry with exit code 1", async () => {
    try {
      const { db, ids } = await auditedDatabase(path.join(dataDir, "pglite"));
      await db.close();
      handles = [];
      expect(await verify()).toEqual({ code: 0, stdout: "audit log OK: 5 entries\n" });

      const again = await createPglite(path.join(dataDir, "pglite"));
      await tamper(again, `update audit_log set target = 'order-x' where id = ${ids[1]}`);
      await again.close();
      const broken = await verify();
      expect(broken.code).toBe(1);
      expect(broken.stdout).toBe(`audit log BROKEN at entry ${ids[1]}: content does not match its hash (the entry was edited)\n`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
