import type { Database } from "./client";
import { auditLog } from "./schema";

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; callers pass their transaction when the entry belongs to a change. */
export async function appendAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ actor: entry.actor, action: entry.action, target: entry.target ?? null, details: entry.details ?? null });
}
