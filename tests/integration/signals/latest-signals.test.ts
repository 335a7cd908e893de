import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as latestRoute from "@/app/api/signals/latest/route";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import type { SymbolSignals } from "@/lib/server/models/latest-signals";
import { createTestUser, type TestUser } from "../support/users";
import { backtestServices, jsonRequest } from "../backtests/support";
import { seedSignals, seedVersion, VOTES } from "../models/seed-versions";

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 5, 1, 12, 0);
let services: Services;
let viewer: TestUser;

const latest = async (cookie = viewer.cookie) => {
  const response = await latestRoute.GET(jsonRequest(cookie, "/api/signals/latest"));
  return { status: response.status, body: (await response.json()) as { symbols: SymbolSignals[] } };
};

beforeAll(async () => {
  services = await backtestServices();
  registerServices(services);
  viewer = await createTestUser(services, "viewer");
});
afterAll(async () => {
  clearServices();
  await services?.database.close();
});

describe("GET /api/signals/latest", () => {
  it("is empty while no ensemble is in production or shadow, and needs a session", async () => {
    await seedVersion(services.database.db, { kind: "ensemble", version: 1, status: "candidate", createdBy: viewer.user.id });
    expect((await latest()).body).toEqual({ symbols: [] });
    expect((await latest("")).status).toBe(401);
  });

  it("gives per symbol the production ensemble's newest call with every member's vote, and the shadow calls beside it", async () => {
    const db = services.database.db;
    const production = await seedVersion(db, { kind: "ensemble", version: 2, status: "production", createdBy: viewer.user.id });
    const shadow = await seedVersion(db, { kind: "ensemble", version: 3, status: "shadow", createdBy: viewer.user.id });
    const archived = await seedVersion(db, { kind: "ensemble", version: 4, status: "archived", createdBy: viewer.user.id });
    const eth = await seedVersion(db, { kind: "ensemble", version: 5, status: "production", symbol: "ETHUSDT", createdBy: viewer.user.id });
    await seedSignals(db, [
      { versionId: production, role: "production", ts: T0, direction: -1, outcome: -1 },
      { versionId: production, role: "production", ts: T0 + MINUTE, direction: 1 },
      { versionId: shadow, role: "shadow", ts: T0 + MINUTE, direction: 0 },
      { versionId: archived, role: "production", ts: T0 + 2 * MINUTE, direction: -1 },
    ]);
    const { symbols } = (await latest()).body;
    expect(symbols.map((s) => `${s.symbol} ${s.interval}`)).toEqual(["BTCUSDT 1m", "ETHUSDT 1m"]);
    const [btc, ethRow] = symbols;
    expect(btc.production).toHaveLength(1);
    expect(btc.production[0]).toMatchObject({ versionId: production, name: "ensemble-v1", version: 2, status: "production" });
    expect(btc.production[0].signal).toMatchObject({ ts: new Date(T0 + MINUTE).toISOString(), direction: 1, confidence: 0.55, target: "0.01", votes: VOTES, outcome: null });
    expect(btc.shadow.map((e) => [e.versionId, e.signal?.direction, e.signal?.target])).toEqual([[shadow, 0, null]]);
    expect(ethRow.production).toMatchObject([{ versionId: eth, signal: null }]);
  });
});
