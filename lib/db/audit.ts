import { createHash } from "node:crypto";
import { asc, desc, sql } from "drizzle-orm";
import type { Database } from "./client";
import { auditLog } from "./schema";

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = "genesis";

/** JSON with sorted keys, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function entryHash(prevHash: string, entry: { ts: Date; actor: string; action: string; target: string | null; details: unknown }): string {
  const body = canonicalJson({ prev: prevHash, ts: entry.ts.toISOString(), actor: entry.actor, action: entry.action, target: entry.target, details: entry.details ?? null });
  return createHash("sha256").update(body).digest("hex");
}

/**
 * Appends to the hash-chained audit log. A transaction-scoped advisory lock orders concurrent writers, so each
 * entry links to the one before it.
 */
export async function appendAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7252013)`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).where(sql`${auditLog.hash} not like 'legacy-%'`).orderBy(desc(auditLog.id)).limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    // Millisecond precision: what the database stores is what the verifier hashes again.
    const ts = new Date(Math.floor(Date.now()));
    const row = { ts, actor: entry.actor, action: entry.action, target: entry.target ?? null, details: entry.details ?? null };
    await tx.insert(auditLog).values({ ...row, prevHash, hash: entryHash(prevHash, row) });
  });
}

export type AuditVerification = { ok: true; entries: number; legacy: number } | { ok: false; entries: number; brokenId: number; reason: string };

/** Walks the chain in order and names the first entry whose link or content does not match its hash. */
export async function verifyAuditChain(db: Database): Promise<AuditVerification> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev = GENESIS_HASH;
  let legacy = 0;
  for (const row of rows) {
    if (row.hash.startsWith("legacy-")) {
      legacy += 1;
      continue;
    }
    if (row.prevHash !== prev) return { ok: false, entries: rows.length, brokenId: row.id, reason: "link to the previous entry does not match (an entry was removed or inserted)" };
    if (entryHash(row.prevHash, row) !== row.hash) return { ok: false, entries: rows.length, brokenId: row.id, reason: "content does not match its hash (the entry was edited)" };
    prev = row.hash;
  }
  return { ok: true, entries: rows.length, legacy };
}
