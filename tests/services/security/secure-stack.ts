import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/passwords";
import { issueSessionCookie } from "@/lib/auth/session-token";
import { insertUser, type UserRecord } from "@/lib/auth/user-store";
import { createPostgres, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Role } from "@/lib/domain/roles";
import { createTestDatabase, freePort, requireRedis, type TestDatabase } from "../support/infrastructure";
import { ensureProductionBuild, splitEnv, startRealtime, startWeb, startWorker } from "../support/launch";
import { REPO_ROOT, stopAllServices } from "../support/service-process";

const SECRETS = {
  AUTH_SECRET: "security-services-secret-0123456789abcdef",
  ENCRYPTION_KEY: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
};

export interface StackUser {
  user: UserRecord;
  email: string;
  password: string;
  /** A Cookie header with a genuine next-auth session, as the sign-in would set it. */
  cookie: string;
}

/** The split stack on PostgreSQL and Redis: web (`next start`), optionally the worker and the realtime gateway. */
export class SecureStack {
  private constructor(readonly database: TestDatabase, readonly handle: DatabaseHandle, readonly web: string, readonly realtime: string | undefined) {}

  static async start(options: { worker: boolean; realtime: boolean }): Promise<SecureStack> {
    await requireRedis();
    await ensureProductionBuild();
    const database = await createTestDatabase("tf_sec");
    // Migrated here, before any process starts, so the web can serve even without a worker.
    const handle = await createPostgres(database.url, 3);
    await migrateDatabase(handle);
    const [webPort, realtimePort] = await Promise.all([freePort(), freePort()]);
    const realtime = options.realtime ? `http://127.0.0.1:${realtimePort}` : undefined;
    const env = splitEnv(database.url, { STRATEGY_ENABLED: "false", ...SECRETS, ...(realtime ? { NEXT_PUBLIC_REALTIME_URL: realtime } : {}) });
    if (options.worker) await startWorker(env);
    await Promise.all([options.realtime ? startRealtime(env, realtimePort) : undefined, startWeb(env, webPort)]);
    return new SecureStack(database, handle, `http://127.0.0.1:${webPort}`, realtime);
  }

  async user(role: Role): Promise<StackUser> {
    const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
    const password = `pw-${randomUUID()}`;
    const user = await insertUser(this.handle.db, { email, role, accountId: "demo", passwordHash: await hashPassword(password) });
    return { user: user!, email, password, cookie: await issueSessionCookie(user!.id, SECRETS.AUTH_SECRET) };
  }

  async count(sql: string, params: unknown[]): Promise<number> {
    const [row] = await this.handle.query<{ n: number }>(`select count(*)::int as n from (${sql}) as t`, params);
    return row?.n ?? 0;
  }

  async stop(): Promise<void> {
    await stopAllServices();
    await this.handle.close();
    await this.database.drop();
  }
}

/** A server action's id from the production build, found by its file and exported name. */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename} in the build; was the build made from this checkout?`);
  return found[0];
}

/** Calls a server action the way the browser's fetch does: POST to the page with Next-Action and the encoded arguments. */
export async function callAction(base: string, page: string, id: string, args: unknown[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(page, base), {
    method: "POST",
    headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", ...headers },
    body: JSON.stringify(args),
    redirect: "manual",
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: await response.text() };
}
