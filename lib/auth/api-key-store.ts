import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { SCOPES, type Scope } from "@/lib/domain/roles";

export interface ApiKeyRecord {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

type Row = typeof apiKeys.$inferSelect;
const toRecord = (r: Row): ApiKeyRecord => ({
  id: r.id, userId: r.userId, name: r.name, prefix: r.prefix, scopes: r.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)),
  createdAt: r.createdAt.getTime(), lastUsedAt: r.lastUsedAt?.getTime() ?? null, revokedAt: r.revokedAt?.getTime() ?? null,
});

// The secret has 256 bits of entropy, so one SHA-256 is enough: a slow hash protects guessable passwords, not this.
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");
const KEY_PATTERN = /^tf_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** Creates a key; the returned `key` is the only time the secret exists outside its hash. */
export async function createApiKey(db: Database, params: { userId: string; name: string; scopes: Scope[] }): Promise<{ key: string; record: ApiKeyRecord }> {
  const prefix = randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0").slice(0, 12);
  const secret = randomBytes(32).toString("base64url");
  const [row] = await db.insert(apiKeys).values({ userId: params.userId, name: params.name, prefix, secretHash: digest(secret), scopes: params.scopes }).returning();
  return { key: `tf_${prefix}_${secret}`, record: toRecord(row!) };
}

/** The live key behind a bearer token, or undefined; records when it was used. */
export async function verifyApiKey(db: Database, token: string): Promise<ApiKeyRecord | undefined> {
  const match = KEY_PATTERN.exec(token);
  if (!match) return undefined;
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.prefix, match[1]!), isNull(apiKeys.revokedAt)));
  if (!row) return undefined;
  const expected = Buffer.from(row.secretHash, "hex");
  if (!timingSafeEqual(expected, Buffer.from(digest(match[2]!), "hex"))) return undefined;
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  return toRecord(row);
}

export async function listApiKeys(db: Database, params: { userId?: string }): Promise<ApiKeyRecord[]> {
  const rows = await db.select().from(apiKeys).where(params.userId ? eq(apiKeys.userId, params.userId) : undefined).orderBy(desc(apiKeys.createdAt));
  return rows.map(toRecord);
}

export async function getApiKey(db: Database, id: string): Promise<ApiKeyRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row ? toRecord(row) : undefined;
}

export async function revokeApiKey(db: Database, id: string): Promise<ApiKeyRecord | undefined> {
  const [row] = await db.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).returning();
  return row ? toRecord(row) : undefined;
}
