import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { changeUserRoleAction, createUserAction, setUserDisabledAction } from "@/app/admin/users/actions";
import { findUserByEmail, getUser, listUsers } from "@/lib/auth/user-store";
import { verifyPassword } from "@/lib/auth/passwords";
import type { Database } from "@/lib/db/client";
import { changeUserRole, setUserDisabled } from "@/lib/server/admin/user-changes";
import { ApiError } from "@/lib/server/api-error";
import { requireActor } from "@/lib/server/auth/require-actor";
import { createTestKey, createTestUser, type TestUser } from "../support/users";
import { actAs, actWithKey, auditEntries, expectApiError, expectOk, expectRefused, gatedTransactions, runAs, startTestbed, type Testbed } from "./support";

vi.mock("next/headers", () => import("./next-headers-mock"));

let bed: Testbed;
let admin: TestUser;
const db = () => bed.services.database.db;

beforeAll(async () => {
  bed = await startTestbed({ ACCOUNT_ID: "desk-1" });
  admin = await createTestUser(bed.services, "admin");
});
afterAll(async () => bed?.close());

describe("creating users", () => {
  it("creates a user with the given password and account, hashed, and audits it", async () => {
    actAs(admin);
    const created = expectOk(await createUserAction({ email: "  Alice@Example.TEST ", role: "trader", password: "alice-password-1", accountId: "desk-2" }));
    expect(created.user).toMatchObject({ email: "alice@example.test", role: "trader", accountId: "desk-2", disabled: false });
    expect(created.oneTimePassword).toBeUndefined();
    const stored = await findUserByEmail(db(), "alice@example.test");
    expect(stored?.passwordHash).not.toContain("alice-password-1");
    expect(await verifyPassword("alice-password-1", stored!.passwordHash)).toBe(true);
    const [entry] = (await auditEntries(bed.services, "user.create")).filter((e) => e.target === created.user.id);
    expect(entry).toMatchObject({ actor: admin.user.email, details: { email: "alice@example.test", role: "trader", accountId: "desk-2", invited: false } });
  });

  it("invites: generates a one-time password, returned once, on the default account", async () => {
    actAs(admin);
    const created = expectOk(await createUserAction({ email: "bob@example.test", role: "viewer" }));
    expect(created.user.accountId).toBe("desk-1");
    expect(created.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const stored = await findUserByEmail(db(), "bob@example.test");
    expect(await verifyPassword(created.oneTimePassword!, stored!.passwordHash)).toBe(true);
    const entry = (await auditEntries(bed.services, "user.create")).find((e) => e.target === created.user.id);
    expect(JSON.stringify(entry)).not.toContain(created.oneTimePassword!);
    expect(entry?.details).toMatchObject({ invited: true });
  });

  it("refuses a duplicate email, a short password and a bad account id", async () => {
    actAs(admin);
    expectRefused(await createUserAction({ email: "ALICE@example.test", role: "viewer" }), "EMAIL_TAKEN");
    expectRefused(await createUserAction({ email: "carol@example.test", role: "viewer", password: "short" }), "VALIDATION_ERROR");
    expectRefused(await createUserAction({ email: "carol@example.test", role: "viewer", accountId: "Desk One" }), "VALIDATION_ERROR");
    expectRefused(await createUserAction({ email: "not-an-email", role: "viewer" }), "VALIDATION_ERROR");
  });
});

describe("roles", () => {
  it("changes a role and audits from and to", async () => {
    const target = await createTestUser(bed.services, "viewer");
    actAs(target);
    await expectApiError(requireActor("trade"), 403, "FORBIDDEN");
    actAs(admin);
    expect(expectOk(await changeUserRoleAction({ userId: target.user.id, role: "trader" })).role).toBe("trader");
    const entry = (await auditEntries(bed.services, "user.role.change")).find((e) => e.target === target.user.id);
    expect(entry).toMatchObject({ actor: admin.user.email, details: { from: "viewer", to: "trader" } });
    // The next request carries the new role: the session token is not the source of truth.
    actAs(target);
    await expect(requireActor("trade")).resolves.toMatchObject({ actor: { role: "trader" } });
  });

  it("refuses to change your own role, and unknown users", async () => {
    actAs(admin);
    expectRefused(await changeUserRoleAction({ userId: admin.user.id, role: "viewer" }), "OWN_ACCOUNT");
    expectRefused(await setUserDisabledAction({ userId: admin.user.id, disabled: true }), "OWN_ACCOUNT");
    expectRefused(await changeUserRoleAction({ userId: "00000000-0000-4000-8000-000000000000", role: "viewer" }), "NOT_FOUND");
    expect((await getUser(db(), admin.user.id))?.role).toBe("admin");
  });

  it("never leaves the system without an enabled admin, even when two admins act at once", async () => {
    const first = await createTestUser(bed.services, "admin");
    const second = await createTestUser(bed.services, "admin");
    const enabledAdmins = async () => (await listUsers(db())).filter((u) => u.role === "admin" && !u.disabled).map((u) => u.id);
    // Leave exactly these two as the enabled admins.
    actAs(first);
    for (const id of await enabledAdmins()) if (id !== first.user.id && id !== second.user.id) expectOk(await setUserDisabledAction({ userId: id, disabled: true }));
    expect((await enabledAdmins()).sort()).toEqual([first.user.id, second.user.id].sort());

    const scenarios = [
      { demote: (d: Database, userId: string) => changeUserRole(d, { userId, role: "trader" }), undo: (userId: string) => changeUserRoleAction({ userId, role: "admin" }) },
      { demote: (d: Database, userId: string) => setUserDisabled(d, { userId, disabled: true }), undo: (userId: string) => setUserDisabledAction({ userId, disabled: false }) },
    ];
    for (const { demote, undo } of scenarios) {
      // Both requests are past authentication (both still admins) before either transaction starts.
      const gated = gatedTransactions(db(), 2);
      const settle = (work: Promise<unknown>) => work.then(() => "ok", (e: unknown) => (e instanceof ApiError ? e.code : String(e)));
      const outcomes = await Promise.all([runAs(first, () => settle(demote(gated, second.user.id))), runAs(second, () => settle(demote(gated, first.user.id)))]);
      expect(outcomes.sort()).toEqual(["LAST_ADMIN", "ok"]);
      expect(await enabledAdmins()).toHaveLength(1);
      // Put both back for the next round.
      const survivor = (await enabledAdmins())[0] === first.user.id ? first : second;
      actAs(survivor);
      expectOk(await undo((survivor === first ? second : first).user.id));
    }
    // Restore the admin the other tests act as.
    expectOk(await setUserDisabledAction({ userId: admin.user.id, disabled: false }));
  });
});

describe("disabling", () => {
  it("takes effect on the user's next request, for the session and the user's API keys", async () => {
    const target = await createTestUser(bed.services, "trader");
    const key = await createTestKey(bed.services, target.user.id, ["read", "trade"]);
    // Both credentials are used first, so a cached actor would be there to outlive the change.
    actAs(target);
    await expect(requireActor("trade")).resolves.toBeDefined();
    actWithKey(key);
    await expect(requireActor("trade")).resolves.toBeDefined();
    actAs(admin);
    expectOk(await setUserDisabledAction({ userId: target.user.id, disabled: true }));
    expect((await auditEntries(bed.services, "user.disable")).find((e) => e.target === target.user.id)).toMatchObject({ actor: admin.user.email });
    actAs(target);
    await expectApiError(requireActor("read"), 401, "UNAUTHENTICATED");
    actWithKey(key);
    await expectApiError(requireActor("read"), 401, "INVALID_API_KEY");

    actAs(admin);
    expectOk(await setUserDisabledAction({ userId: target.user.id, disabled: false }));
    expect((await auditEntries(bed.services, "user.enable")).find((e) => e.target === target.user.id)).toBeDefined();
    actAs(target);
    await expect(requireActor("trade")).resolves.toMatchObject({ actor: { userId: target.user.id } });
  });
});
