import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { MemoryBus } from "@/lib/bus/memory-bus";
import { parseConfig } from "@/lib/config";
import type { ActionResult } from "@/lib/api-types";
import { createPglite, type Database } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { auditLog } from "@/lib/db/schema";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import { ApiError } from "@/lib/server/api-error";

/**
 * What the mocked `next/headers` returns for the "current request". Each test file mocks the module with
 * `vi.mock("next/headers", () => import("./next-headers-mock"))`, and sets who is asking through `actAs`.
 */
export interface RequestIdentity {
  cookie: string | null;
  authorization: string | null;
}

export const currentRequest: RequestIdentity = { cookie: null, authorization: null };
const concurrent = new AsyncLocalStorage<RequestIdentity>();

/** The identity of the request being served: the one `runAs` set for this async flow, else the global one. */
export const requestIdentity = (): RequestIdentity => concurrent.getStore() ?? currentRequest;

/** Runs `work` as its own request by `who`, so two users' requests can be in flight at once. */
export function runAs<T>(who: { cookie: string }, work: () => Promise<T>): Promise<T> {
  return concurrent.run({ cookie: who.cookie, authorization: null }, work);
}

/**
 * A database whose transactions start only once `parties` of them are waiting: requests that have all passed
 * authentication before any of them changes anything, which is the race the server's locks are for.
 */
export function gatedTransactions(db: Database, parties: number): Database {
  let waiting = 0;
  let release!: () => void;
  const everyone = new Promise<void>((resolve) => (release = resolve));
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== "transaction") return Reflect.get(target, property, receiver);
      return async (...args: Parameters<Database["transaction"]>) => {
        if (++waiting === parties) release();
        await everyone;
        return target.transaction(...args);
      };
    },
  });
}

export function actAs(who: { cookie: string } | null): void {
  currentRequest.cookie = who?.cookie ?? null;
  currentRequest.authorization = null;
}

export function actWithKey(key: string): void {
  currentRequest.cookie = null;
  currentRequest.authorization = `Bearer ${key}`;
}

export interface Testbed {
  services: Services;
  close(): Promise<void>;
}

/** In-memory PGlite with the real migrations, the in-process bus, registered as the server context. No engine. */
export async function startTestbed(env: Record<string, string> = {}): Promise<Testbed> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tradeforge-admin-"));
  const config = parseConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir, API_RATE_LIMIT_PER_MINUTE: "100000", ...env });
  const database = await createPglite();
  await migrateDatabase(database);
  const services: Services = { config, database, bus: new MemoryBus(), mode: "embedded", startedAt: Date.now() };
  registerServices(services);
  return {
    services,
    async close() {
      clearServices();
      await services.bus.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The action failed with this code (and never threw to the caller). */
export function expectRefused<T>(result: ActionResult<T>, code: string, label = "action"): void {
  expect(result.ok, `${label}: expected ${code}, got success`).toBe(false);
  if (!result.ok) expect(result.error.code, label).toBe(code);
}

export function expectOk<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** A data function threw the ApiError with this status and code. */
export async function expectApiError(work: Promise<unknown>, status: number, code: string, label = "call"): Promise<void> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error, `${label}: expected ${status} ${code}`).toBeInstanceOf(ApiError);
  expect((error as ApiError).status, label).toBe(status);
  expect((error as ApiError).code, label).toBe(code);
}

export async function auditEntries(services: Services, action: string) {
  const rows = await services.database.db.select().from(auditLog);
  return rows.filter((r) => r.action === action);
}
