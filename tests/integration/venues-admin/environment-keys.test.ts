import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { storeBybitKeysAction } from "@/app/admin/venues/actions";
import { bybitKeysSummary } from "@/lib/server/venues/venue-admin";
import { createTestUser, type TestUser } from "../support/users";
import { actAs, expectOk, startTestbed, type Testbed } from "../admin/support";

vi.mock("next/headers", () => import("../admin/next-headers-mock"));

let bed: Testbed;
let admin: TestUser;

beforeAll(async () => {
  bed = await startTestbed({ BYBIT_API_KEY: "ENV-KEY-0000ABCD", BYBIT_API_SECRET: "env-secret-000000" });
  admin = await createTestUser(bed.services, "admin");
});
afterAll(async () => bed?.close());

it("keys in the environment win over stored ones, and the admin is told so", async () => {
  actAs(admin);
  const stored = expectOk(await storeBybitKeysAction({ apiKey: "STORED-KEY-0000WXYZ", apiSecret: "stored-secret-0000" }));
  expect(stored.effect).toMatch(/BYBIT_API_KEY and BYBIT_API_SECRET are set in the environment, and those win/);
  expect(await bybitKeysSummary(bed.services)).toEqual({ source: "environment", maskedKey: "••••ABCD", updatedAt: null });
});
