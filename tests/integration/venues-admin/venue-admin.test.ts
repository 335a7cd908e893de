import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { storeBybitKeysAction, testBybitConnectionAction } from "@/app/admin/venues/actions";
import { auditLog } from "@/lib/db/schema";
import { COMMANDS } from "@/lib/engine/commands";
import { bybitKeysSummary } from "@/lib/server/venues/venue-admin";
import { startFakeBybit, type FakeBybit } from "@/tests/support/fake-bybit";
import { createTestUser, type TestUser } from "../support/users";
import { actAs, expectOk, expectRefused, startTestbed, type Testbed } from "../admin/support";

vi.mock("next/headers", () => import("../admin/next-headers-mock"));

let bed: Testbed;
let fake: FakeBybit;
let admin: TestUser;
let trader: TestUser;
const reloads: unknown[] = [];
let engineLive = true;

beforeAll(async () => {
  fake = await startFakeBybit();
  bed = await startTestbed({ BYBIT_REST_URL: fake.restUrl, BYBIT_CONNECT_TIMEOUT_MS: "2000" });
  admin = await createTestUser(bed.services, "admin");
  trader = await createTestUser(bed.services, "trader");
  // Stands in for the engine: a live one answers with the keys it loaded, a paper one with no venues.
  await bed.services.bus.respond(COMMANDS.reloadVenueKeys, async (message) => {
    reloads.push(message);
    if (!engineLive) return { live: false, venues: [] };
    const keys = await bybitKeysSummary(bed.services);
    return { live: true, venues: [{ venue: "bybit", keys: { source: "admin", hint: keys!.maskedKey.slice(-4) }, connection: { state: "connected" } }] };
  });
});
afterAll(async () => {
  await bed?.close();
  await fake?.close();
});

describe("an admin's Bybit keys", () => {
  it("start as none", async () => {
    expect(await bybitKeysSummary(bed.services)).toBeNull();
  });

  it("are stored sealed: the admin sees only the masked hint, and a live engine is told to load them", async () => {
    actAs(admin);
    const stored = expectOk(await storeBybitKeysAction({ apiKey: fake.apiKey, apiSecret: fake.apiSecret }));
    expect(stored.keys).toMatchObject({ source: "admin", maskedKey: `••••${fake.apiKey.slice(-4)}` });
    expect(stored.effect).toBe("Stored. The engine loaded them: Bybit is connected.");
    expect(JSON.stringify(stored)).not.toContain(fake.apiSecret);
    expect(JSON.stringify(stored)).not.toContain(fake.apiKey);
    expect(reloads).toEqual([{ accountId: admin.user.accountId }]);
    expect(await bybitKeysSummary(bed.services)).toMatchObject({ source: "admin", maskedKey: `••••${fake.apiKey.slice(-4)}` });
    expect(JSON.stringify(await bed.services.database.db.select().from(auditLog))).not.toContain(fake.apiSecret);
  });

  it("tell the admin when the engine runs on paper and will not use them yet", async () => {
    engineLive = false;
    actAs(admin);
    const stored = expectOk(await storeBybitKeysAction({ apiKey: fake.apiKey, apiSecret: fake.apiSecret }));
    expect(stored.effect).toMatch(/paper mode/);
    engineLive = true;
  });

  it("are refused when they are not plausible keys, and for anyone but an admin", async () => {
    actAs(admin);
    expectRefused(await storeBybitKeysAction({ apiKey: "short", apiSecret: fake.apiSecret }), "VALIDATION_ERROR");
    expectRefused(await storeBybitKeysAction({ apiKey: "has a space in it", apiSecret: fake.apiSecret }), "VALIDATION_ERROR");
    actAs(trader);
    expectRefused(await storeBybitKeysAction({ apiKey: "TRADER-KEY-12345678", apiSecret: "trader-secret-123" }), "FORBIDDEN");
    expectRefused(await testBybitConnectionAction(), "FORBIDDEN");
  });
});

describe("Test connection", () => {
  it("proves the stored keys with a signed read", async () => {
    actAs(admin);
    expectOk(await storeBybitKeysAction({ apiKey: fake.apiKey, apiSecret: fake.apiSecret }));
    const result = expectOk(await testBybitConnectionAction());
    expect(result).toMatchObject({ ok: true, keys: "admin" });
    expect(result.detail).toMatch(/API key accepted/);
  });

  it("says in plain words that the secret does not match the key", async () => {
    actAs(admin);
    expectOk(await storeBybitKeysAction({ apiKey: fake.apiKey, apiSecret: "not-the-right-secret" }));
    const result = expectOk(await testBybitConnectionAction());
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/API secret does not match the key/);
  });

  it("says Bybit cannot be reached once it is gone", async () => {
    await fake.close();
    actAs(admin);
    const result = expectOk(await testBybitConnectionAction());
    expect(result).toMatchObject({ ok: false, latencyMs: null });
    expect(result.detail).toMatch(/^Cannot reach Bybit at http:\/\/127\.0\.0\.1/);
  });
});
