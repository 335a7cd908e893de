import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { changePasswordAction, deleteVenueCredentialsAction, storeVenueCredentialsAction } from "@/app/profile/actions";
import { resolveSecrets } from "@/lib/auth/local-secrets";
import { verifyPassword } from "@/lib/auth/passwords";
import { SecretBox } from "@/lib/auth/secret-box";
import { getPasswordHash } from "@/lib/auth/user-store";
import { auditLog, venueCredentials } from "@/lib/db/schema";
import { listOwnVenueCredentials } from "@/lib/server/profile/venue-credentials";
import { createTestUser, type TestUser } from "../support/users";
import { actAs, auditEntries, expectOk, expectRefused, startTestbed, type Testbed } from "./support";

vi.mock("next/headers", () => import("./next-headers-mock"));

let bed: Testbed;
let alice: TestUser;
let bob: TestUser;
const db = () => bed.services.database.db;
const API_KEY = "BYBIT-KEY-a1b2c3d4e5f6WXYZ";
const API_SECRET = "bybit-secret-9f8e7d6c5b4a3210";

beforeAll(async () => {
  bed = await startTestbed();
  alice = await createTestUser(bed.services, "trader");
  bob = await createTestUser(bed.services, "viewer");
});
afterAll(async () => bed?.close());

describe("changing the password", () => {
  it("requires the current password", async () => {
    actAs(alice);
    const before = await getPasswordHash(db(), alice.user.id);
    expectRefused(await changePasswordAction({ currentPassword: "not-my-password", newPassword: "a-brand-new-pass", confirmPassword: "a-brand-new-pass" }), "WRONG_PASSWORD");
    expect(await getPasswordHash(db(), alice.user.id)).toBe(before);
    expect((await auditEntries(bed.services, "user.password.change.failed")).map((e) => e.target)).toContain(alice.user.id);
  });

  it("refuses a short password and a mismatched confirmation", async () => {
    actAs(alice);
    expectRefused(await changePasswordAction({ currentPassword: alice.password, newPassword: "short", confirmPassword: "short" }), "VALIDATION_ERROR");
    expectRefused(await changePasswordAction({ currentPassword: alice.password, newPassword: "a-brand-new-pass", confirmPassword: "a-brand-new-pasS" }), "VALIDATION_ERROR");
    expect(await verifyPassword(alice.password, await getPasswordHash(db(), alice.user.id))).toBe(true);
  });

  it("changes it with the current one, and audits without the passwords", async () => {
    actAs(alice);
    expectOk(await changePasswordAction({ currentPassword: alice.password, newPassword: "a-brand-new-pass", confirmPassword: "a-brand-new-pass" }));
    const hash = await getPasswordHash(db(), alice.user.id);
    expect(await verifyPassword("a-brand-new-pass", hash)).toBe(true);
    expect(await verifyPassword(alice.password, hash)).toBe(false);
    const [entry] = (await auditEntries(bed.services, "user.password.change")).filter((e) => e.target === alice.user.id);
    expect(entry).toMatchObject({ actor: alice.user.email });
    expect(JSON.stringify(await db().select().from(auditLog))).not.toContain("a-brand-new-pass");
  });
});

describe("venue credentials", () => {
  it("stores key and secret encrypted, and SecretBox opens them again", async () => {
    actAs(alice);
    const view = expectOk(await storeVenueCredentialsAction({ venue: "bybit", apiKey: API_KEY, apiSecret: API_SECRET }));
    expect(view).toMatchObject({ venue: "bybit", maskedKey: "••••WXYZ" });
    expect(JSON.stringify(view)).not.toContain("a1b2c3");

    const [row] = await db().select().from(venueCredentials).where(eq(venueCredentials.userId, alice.user.id));
    expect(JSON.stringify(row)).not.toContain(API_KEY);
    expect(JSON.stringify(row)).not.toContain(API_SECRET);
    const box = new SecretBox(resolveSecrets(bed.services.config).ENCRYPTION_KEY);
    expect(box.open(row!.apiKeyEncrypted)).toBe(API_KEY);
    expect(box.open(row!.apiSecretEncrypted)).toBe(API_SECRET);
    expect(row!.apiKeyHint).toBe("WXYZ");

    const entry = (await auditEntries(bed.services, "venue.credentials.store")).find((e) => e.target === row!.id);
    expect(entry).toMatchObject({ actor: alice.user.email, details: { venue: "bybit" } });
    expect(JSON.stringify(await db().select().from(auditLog))).not.toMatch(/a1b2c3d4|9f8e7d6c/);
  });

  it("replaces the stored pair on a second save (one row per user and venue)", async () => {
    actAs(alice);
    expectOk(await storeVenueCredentialsAction({ venue: "bybit", apiKey: "SECOND-KEY-00001234", apiSecret: "second-secret-000" }));
    const rows = await db().select().from(venueCredentials).where(eq(venueCredentials.userId, alice.user.id));
    expect(rows).toHaveLength(1);
    const listed = await listOwnVenueCredentials(db());
    expect(listed).toEqual([expect.objectContaining({ venue: "bybit", maskedKey: "••••1234" })]);
    expect(JSON.stringify(listed)).not.toMatch(/SECOND-KEY|second-secret|v1\./);
  });

  it("lists and deletes only your own: another user's id is NOT_FOUND", async () => {
    actAs(bob);
    expect(await listOwnVenueCredentials(db())).toEqual([]);
    const [alicesRow] = await db().select().from(venueCredentials).where(eq(venueCredentials.userId, alice.user.id));
    expectRefused(await deleteVenueCredentialsAction({ id: alicesRow!.id }), "NOT_FOUND");
    expect(await db().select().from(venueCredentials).where(eq(venueCredentials.id, alicesRow!.id))).toHaveLength(1);

    actAs(alice);
    expectOk(await deleteVenueCredentialsAction({ id: alicesRow!.id }));
    expect(await listOwnVenueCredentials(db())).toEqual([]);
    expect((await auditEntries(bed.services, "venue.credentials.delete")).find((e) => e.target === alicesRow!.id)).toMatchObject({ actor: alice.user.email });
  });

  it("refuses a too-short key and an unknown venue", async () => {
    actAs(alice);
    expectRefused(await storeVenueCredentialsAction({ venue: "bybit", apiKey: "abc", apiSecret: API_SECRET }), "VALIDATION_ERROR");
    expectRefused(await storeVenueCredentialsAction({ venue: "ftx", apiKey: API_KEY, apiSecret: API_SECRET }), "VALIDATION_ERROR");
  });
});
