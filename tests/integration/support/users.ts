import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/auth/api-key-store";
import { resolveSecrets } from "@/lib/auth/local-secrets";
import { hashPassword } from "@/lib/auth/passwords";
import { issueSessionCookie } from "@/lib/auth/session-token";
import { insertUser, type UserRecord } from "@/lib/auth/user-store";
import { scopesOfRole, type Role, type Scope } from "@/lib/domain/roles";
import type { Services } from "@/lib/runtime/services";

export interface TestUser {
  user: UserRecord;
  password: string;
  /** A Cookie header carrying a genuine next-auth session for this user. */
  cookie: string;
}

export async function createTestUser(services: Services, role: Role, accountId = services.config.ACCOUNT_ID): Promise<TestUser> {
  const password = `pw-${randomUUID()}`;
  const user = await insertUser(services.database.db, { email: `${role}-${randomUUID().slice(0, 8)}@example.test`, role, accountId, passwordHash: await hashPassword(password) });
  const cookie = await issueSessionCookie(user!.id, resolveSecrets(services.config).AUTH_SECRET);
  return { user: user!, password, cookie };
}

export async function createTestKey(services: Services, userId: string, scopes: Scope[]): Promise<string> {
  return (await createApiKey(services.database.db, { userId, name: "test", scopes })).key;
}

export const allScopes = (role: Role) => scopesOfRole(role);
