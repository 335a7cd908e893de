import "server-only";
import { and, desc, eq, gte, ilike, like, lt, or, type SQL } from "drizzle-orm";
import { verifyAuditChain, type AuditVerification } from "@/lib/db/audit";
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { ApiError } from "../api-error";
import { requireActor } from "../auth/require-actor";

export interface AuditFilter {
  /** Substring of the actor, case-insensitive. */
  actor?: string;
  /** An action name, or a dotted prefix: "auth" matches auth.signin and auth.signin.failed. */
  action?: string;
  /** Days as YYYY-MM-DD (UTC), both inclusive. */
  from?: string;
  to?: string;
  /** Keyset cursor: only entries with a smaller id (older). */
  before?: number;
  limit?: number;
}

export interface AuditEntryView {
  id: number;
  ts: number;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** The `before` cursor of the next (older) page, or null on the last one. */
  nextBefore: number | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const DAY_MS = 86_400_000;

function dayStart(day: string, field: string): number {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(at)) throw new ApiError(400, "VALIDATION_ERROR", `Invalid ${field}: expected a date as YYYY-MM-DD`);
  return at;
}

function conditions(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditLog.actor, `%${escapeLike(filter.actor)}%`));
  if (filter.action) {
    const action = filter.action.replace(/\.+$/, "");
    where.push(or(eq(auditLog.action, action), like(auditLog.action, `${escapeLike(action)}.%`))!);
  }
  if (filter.from) where.push(gte(auditLog.ts, new Date(dayStart(filter.from, "from"))));
  if (filter.to) where.push(lt(auditLog.ts, new Date(dayStart(filter.to, "to") + DAY_MS)));
  if (filter.before !== undefined) where.push(lt(auditLog.id, filter.before));
  return where;
}

/** Newest first, keyset-paginated on id so new entries never shift a page. */
export async function listAuditEntries(db: Database, filter: AuditFilter): Promise<AuditPage> {
  await requireActor("admin");
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = await db.select().from(auditLog).where(and(...conditions(filter))).orderBy(desc(auditLog.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({ id: r.id, ts: r.ts.getTime(), actor: r.actor, action: r.action, target: r.target, details: r.details === null ? null : JSON.stringify(r.details) })),
    nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

export async function auditChainStatus(db: Database): Promise<AuditVerification> {
  await requireActor("admin");
  return verifyAuditChain(db);
}
