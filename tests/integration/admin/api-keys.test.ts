import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminCreateApiKeyAction, adminRevokeApiKeyAction } from "@/app/admin/api-keys/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/profile/actions";
import { verifyApiKey } from "@/lib/auth/api-key-store";
import { apiKeys, auditLog } from "@/lib/db/schema";
import { listAllApiKeys } from "@/lib/server/admin/api-keys";
import { requireActor } from "@/lib/server/auth/require-actor";
import { listOwnApiKeys } from "@/lib/server/profile/own-api-keys";
import { createTestUser, type TestUser } from "../support/users";
import { actAs, actWithKey, auditEntries, expectApiError, expectOk, expectRefused, startTestbed, type Testbed } from "./support";

vi.mock("next/headers", () => import("./next-headers-mock"));

let bed: Testbed;
let admin: TestUser;
let trader: TestUser;
let viewer: TestUser;
const db = () => bed.services.database.db;

beforeAll(async () => {
  bed = await startTestbed();
  admin = await createTestUser(bed.services, "admin");
  trader = await createTestUser(bed.services, "trader");
  viewer = await createTestUser(bed.services, "viewer");
});
afterAll(async () => bed?.close());

describe("a user's own API keys (/profile)", () => {
  it("shows the key once, stores only its hash, and the key authenticates with its scopes", async () => {
    actAs(trader);
    const { key, record } = expectOk(await createApiKeyAction({ name: "bot", scopes: ["read", "trade"] }));
    expect(key).toMatch(/^tf_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`tf_${record.prefix}_`)).toBe(true);
    // The secret is base64url and may itself hold "_": it is everything after the prefix.
    const secret = key.slice(`tf_${record.prefix}_`.length);
    expect(record).toMatchObject({ name: "bot", scopes: ["read", "trade"], revokedAt: null, userId: trader.user.id });
    expect(JSON.stringify(record)).not.toContain(secret);

    const rows = await db().select().from(apiKeys);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(secret);
    // The listing never carries the secret or its hash either.
    const listed = await listOwnApiKeys(db());
    expect(listed.map((k) => k.id)).toEqual([record.id]);
    expect(JSON.stringify(listed)).not.toMatch(/secret|hash/i);

    actWithKey(key);
    await expect(requireActor("trade")).resolves.toMatchObject({ actor: { userId: trader.user.id, via: "api-key", scopes: ["read", "trade"] } });
    await expectApiError(requireActor("admin"), 403, "FORBIDDEN");

    const [entry] = (await auditEntries(bed.services, "apikey.create")).filter((e) => e.target === record.id);
    expect(entry).toMatchObject({ actor: trader.user.email, details: { keyId: record.id, scopes: ["read", "trade"] } });
    expect(JSON.stringify(await db().select().from(auditLog))).not.toContain(secret);
  });

  it("refuses scopes beyond the user's role", async () => {
    actAs(viewer);
    expectRefused(await createApiKeyAction({ name: "sneaky", scopes: ["read", "trade"] }), "SCOPE_NOT_ALLOWED");
    actAs(trader);
    expectRefused(await createApiKeyAction({ name: "sneaky", scopes: ["admin"] }), "SCOPE_NOT_ALLOWED");
    expectRefused(await createApiKeyAction({ name: "empty", scopes: [] }), "VALIDATION_ERROR");
    expectRefused(await createApiKeyAction({ name: "odd", scopes: ["root"] }), "VALIDATION_ERROR");
    expect((await db().select().from(apiKeys)).filter((k) => k.name === "sneaky")).toEqual([]);
  });

  it("revokes only your own keys: someone else's key is NOT_FOUND and stays live", async () => {
    actAs(viewer);
    const mine = expectOk(await createApiKeyAction({ name: "mine", scopes: ["read"] }));
    actAs(trader);
    expectRefused(await revokeApiKeyAction({ keyId: mine.record.id }), "NOT_FOUND");
    expect(await verifyApiKey(db(), mine.key)).toBeDefined();
    expect((await listOwnApiKeys(db())).map((k) => k.id)).not.toContain(mine.record.id);

    actAs(viewer);
    const revoked = expectOk(await revokeApiKeyAction({ keyId: mine.record.id }));
    expect(revoked.revokedAt).not.toBeNull();
    expect(await verifyApiKey(db(), mine.key)).toBeUndefined();
    actWithKey(mine.key);
    await expectApiError(requireActor("read"), 401, "INVALID_API_KEY");
    expect((await auditEntries(bed.services, "apikey.revoke")).find((e) => e.target === mine.record.id)).toMatchObject({
      actor: viewer.user.email, details: { keyId: mine.record.id, scopes: ["read"] },
    });
  });
});

describe("every user's API keys (/admin/api-keys)", () => {
  it("lists all keys with their owner's email", async () => {
    actAs(admin);
    const all = await listAllApiKeys(db());
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(new Set(all.map((k) => k.ownerEmail))).toEqual(new Set([trader.user.email, viewer.user.email]));
  });

  it("creates a key for another user within that user's role, shown once", async () => {
    actAs(admin);
    expectRefused(await adminCreateApiKeyAction({ userId: viewer.user.id, name: "too much", scopes: ["trade"] }), "SCOPE_NOT_ALLOWED");
    expectRefused(await adminCreateApiKeyAction({ userId: "00000000-0000-4000-8000-000000000000", name: "nobody", scopes: ["read"] }), "NOT_FOUND");
    const created = expectOk(await adminCreateApiKeyAction({ userId: viewer.user.id, name: "for viewer", scopes: ["read"] }));
    expect(created.record.userId).toBe(viewer.user.id);
    expect(JSON.stringify(await db().select().from(apiKeys))).not.toContain(created.key);
    actWithKey(created.key);
    await expect(requireActor("read")).resolves.toMatchObject({ actor: { userId: viewer.user.id } });
    expect((await auditEntries(bed.services, "apikey.create")).find((e) => e.target === created.record.id)).toMatchObject({
      actor: admin.user.email, details: { owner: viewer.user.email, scopes: ["read"], byAdmin: true },
    });
  });

  it("revokes anyone's key", async () => {
    actAs(trader);
    const theirs = expectOk(await createApiKeyAction({ name: "to revoke", scopes: ["read"] }));
    actWithKey(theirs.key);
    await expect(requireActor("read")).resolves.toBeDefined();
    actAs(admin);
    expect(expectOk(await adminRevokeApiKeyAction({ keyId: theirs.record.id })).revokedAt).not.toBeNull();
    expect(await verifyApiKey(db(), theirs.key)).toBeUndefined();
    actWithKey(theirs.key);
    await expectApiError(requireActor("read"), 401, "INVALID_API_KEY");
    actAs(admin);
    expectRefused(await adminRevokeApiKeyAction({ keyId: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND");
    expect((await auditEntries(bed.services, "apikey.revoke")).find((e) => e.target === theirs.record.id)).toMatchObject({ actor: admin.user.email });
  });
});
