import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminCreateApiKeyAction, adminRevokeApiKeyAction } from "@/app/admin/api-keys/actions";
import { changeUserRoleAction, createUserAction, setUserDisabledAction } from "@/app/admin/users/actions";
import {
  changePasswordAction, createApiKeyAction, deleteVenueCredentialsAction, revokeApiKeyAction, storeVenueCredentialsAction,
} from "@/app/profile/actions";
import type { ActionResult } from "@/lib/api-types";
import { listApiKeys } from "@/lib/auth/api-key-store";
import { getUser } from "@/lib/auth/user-store";
import { listAllApiKeys } from "@/lib/server/admin/api-keys";
import { auditChainStatus, listAuditEntries } from "@/lib/server/admin/audit-log";
import { getSystemInfo } from "@/lib/server/admin/system-info";
import { listUsersForAdmin } from "@/lib/server/admin/users";
import { listOwnApiKeys } from "@/lib/server/profile/own-api-keys";
import { listOwnVenueCredentials } from "@/lib/server/profile/venue-credentials";
import { createTestKey, createTestUser, type TestUser } from "../support/users";
import { actAs, actWithKey, expectApiError, expectRefused, startTestbed, type Testbed } from "./support";

vi.mock("next/headers", () => import("./next-headers-mock"));

let bed: Testbed;
let admin: TestUser;
let trader: TestUser;
let viewer: TestUser;
const SOME_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  bed = await startTestbed();
  admin = await createTestUser(bed.services, "admin");
  trader = await createTestUser(bed.services, "trader");
  viewer = await createTestUser(bed.services, "viewer");
});
afterAll(async () => bed?.close());

/** Every admin server action, with input that would succeed for an admin. */
const adminActions = (): [string, () => Promise<ActionResult<unknown>>][] => [
  ["createUserAction", () => createUserAction({ email: `x-${Math.random()}@example.test`, role: "viewer" })],
  ["changeUserRoleAction", () => changeUserRoleAction({ userId: viewer.user.id, role: "trader" })],
  ["setUserDisabledAction", () => setUserDisabledAction({ userId: viewer.user.id, disabled: true })],
  ["adminCreateApiKeyAction", () => adminCreateApiKeyAction({ userId: viewer.user.id, name: "k", scopes: ["read"] })],
  ["adminRevokeApiKeyAction", () => adminRevokeApiKeyAction({ keyId: SOME_ID })],
];

const db = () => bed.services.database.db;
const adminDataFunctions = (): [string, () => Promise<unknown>][] => [
  ["listUsersForAdmin", () => listUsersForAdmin(db())],
  ["listAllApiKeys", () => listAllApiKeys(db())],
  ["listAuditEntries", () => listAuditEntries(db(), {})],
  ["auditChainStatus", () => auditChainStatus(db())],
  ["getSystemInfo", () => getSystemInfo()],
];

describe("admin server actions and data functions", () => {
  it("refuse a request without a session (401)", async () => {
    actAs(null);
    for (const [name, call] of adminActions()) expectRefused(await call(), "UNAUTHENTICATED", name);
    for (const [name, call] of adminDataFunctions()) await expectApiError(call(), 401, "UNAUTHENTICATED", name);
  });

  it("refuse trader and viewer sessions (403)", async () => {
    for (const who of [trader, viewer]) {
      actAs(who);
      for (const [name, call] of adminActions()) expectRefused(await call(), "FORBIDDEN", `${who.user.role} ${name}`);
      for (const [name, call] of adminDataFunctions()) await expectApiError(call(), 403, "FORBIDDEN", `${who.user.role} ${name}`);
    }
    expect(await getUser(db(), viewer.user.id)).toMatchObject({ role: "viewer", disabled: false });
    expect(await listApiKeys(db(), { userId: viewer.user.id })).toEqual([]);
  });

  it("refuse a trader's API key, even one claiming more than its role", async () => {
    actWithKey(await createTestKey(bed.services, trader.user.id, ["read", "trade", "admin"]));
    for (const [name, call] of adminActions()) expectRefused(await call(), "FORBIDDEN", name);
    for (const [name, call] of adminDataFunctions()) await expectApiError(call(), 403, "FORBIDDEN", name);
  });

  it("refuse a forged or expired-looking cookie (401)", async () => {
    actAs({ cookie: "next-auth.session-token=not-a-real-token" });
    for (const [name, call] of adminActions()) expectRefused(await call(), "UNAUTHENTICATED", name);
  });

  it("let an admin through, and reject unknown fields", async () => {
    actAs(admin);
    expect((await listUsersForAdmin(db())).length).toBeGreaterThanOrEqual(3);
    expectRefused(await createUserAction({ email: "extra@example.test", role: "viewer", isAdmin: true }), "VALIDATION_ERROR");
    expectRefused(await changeUserRoleAction({ userId: viewer.user.id, role: "owner" }), "VALIDATION_ERROR");
    expectRefused(await setUserDisabledAction({ userId: viewer.user.id, disabled: "yes" }), "VALIDATION_ERROR");
    expectRefused(await adminCreateApiKeyAction({ userId: viewer.user.id, name: "k", scopes: ["read"], secretHash: "x" }), "VALIDATION_ERROR");
    expectRefused(await adminRevokeApiKeyAction({ keyId: SOME_ID, userId: SOME_ID }), "VALIDATION_ERROR");
  });
});

describe("profile server actions and data functions", () => {
  const profileActions = (): (() => Promise<ActionResult<unknown>>)[] => [
    () => changePasswordAction({ currentPassword: "whatever-1", newPassword: "new-password-1", confirmPassword: "new-password-1" }),
    () => createApiKeyAction({ name: "k", scopes: ["read"] }),
    () => revokeApiKeyAction({ keyId: SOME_ID }),
    () => storeVenueCredentialsAction({ venue: "bybit", apiKey: "AKIA12345678", apiSecret: "secret-12345678" }),
    () => deleteVenueCredentialsAction({ id: SOME_ID }),
  ];

  it("refuse a request without a session (401)", async () => {
    actAs(null);
    for (const call of profileActions()) expectRefused(await call(), "UNAUTHENTICATED");
    await expectApiError(listOwnApiKeys(db()), 401, "UNAUTHENTICATED");
    await expectApiError(listOwnVenueCredentials(db()), 401, "UNAUTHENTICATED");
  });

  it("refuse an API key: a program cannot mint keys, store credentials or change the password", async () => {
    actWithKey(await createTestKey(bed.services, admin.user.id, ["read", "trade", "admin"]));
    for (const call of profileActions()) expectRefused(await call(), "SESSION_REQUIRED");
    await expectApiError(listOwnApiKeys(db()), 403, "SESSION_REQUIRED");
  });

  it("reject unknown fields", async () => {
    actAs(viewer);
    expectRefused(await createApiKeyAction({ name: "k", scopes: ["read"], userId: admin.user.id }), "VALIDATION_ERROR");
    expectRefused(await storeVenueCredentialsAction({ venue: "bybit", apiKey: "AKIA12345678", apiSecret: "secret-12345678", userId: admin.user.id }), "VALIDATION_ERROR");
    expectRefused(await storeVenueCredentialsAction({ venue: "binance", apiKey: "AKIA12345678", apiSecret: "secret-12345678" }), "VALIDATION_ERROR");
    expectRefused(await changePasswordAction({ currentPassword: viewer.password, newPassword: "new-password-1", confirmPassword: "new-password-1", userId: admin.user.id }), "VALIDATION_ERROR");
  });
});
