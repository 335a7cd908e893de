import { asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { isRole, type Role } from "@/lib/domain/roles";

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  accountId: string;
  disabled: boolean;
  createdAt: number;
}

type Row = typeof users.$inferSelect;

function toRecord(row: Row): UserRecord {
  return { id: row.id, email: row.email, name: row.name, role: isRole(row.role) ? row.role : "viewer", accountId: row.accountId, disabled: row.disabled, createdAt: row.createdAt.getTime() };
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Database, email: string): Promise<(UserRecord & { passwordHash: string | null }) | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, normalizeEmail(email)));
  return row ? { ...toRecord(row), passwordHash: row.passwordHash } : undefined;
}

export async function getUser(db: Database, id: string): Promise<UserRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ? toRecord(row) : undefined;
}

export async function listUsers(db: Database): Promise<UserRecord[]> {
  return (await db.select().from(users).orderBy(asc(users.email))).map(toRecord);
}

export async function insertUser(
  db: Database,
  user: { email: string; name?: string | null; role: Role; accountId: string; passwordHash: string },
): Promise<UserRecord | undefined> {
  const [row] = await db.insert(users).values({ ...user, email: normalizeEmail(user.email), name: user.name ?? null })
    .onConflictDoNothing().returning();
  return row ? toRecord(row) : undefined;
}

export async function updateUser(db: Database, id: string, changes: Partial<{ role: Role; disabled: boolean; passwordHash: string; name: string | null }>): Promise<UserRecord | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return row ? toRecord(row) : undefined;
}

export async function getPasswordHash(db: Database, id: string): Promise<string | null> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.hash ?? null;
}

export async function countAdmins(db: Database): Promise<number> {
  return (await db.select({ id: users.id }).from(users).where(eq(users.role, "admin"))).length;
}
