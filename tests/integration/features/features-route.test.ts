import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as featuresRoute from "@/app/api/features/route";
import { modelVersions } from "@/lib/db/schema";
import { backfillFeatures } from "@/lib/features/feature-backfill";
import { computeFeatures } from "@/lib/features/feature-pipeline";
import { clearServices, registerServices, type Services } from "@/lib/runtime/services";
import type { FeaturesOverview } from "@/lib/server/features/feature-overview";
import { randomBars } from "@/tests/unit/features/random-bars";
import { backtestServices } from "../backtests/support";
import { createTestUser, type TestUser } from "../support/users";
import { storeBars } from "./stored-bars";

let services: Services;
let cookie: string;
let admin: TestUser;
const calm = randomBars(900, 3);
// The last 100 bars move five times as much: the drift score must notice.
const wild = randomBars(100, 4, calm.at(-1)!.openTime + 300_000, 0.01, calm.at(-1)!.close);
const quiet = randomBars(120, 5);

const get = (query: string, withCookie = true) =>
  featuresRoute.GET(new Request(`http://localhost:3000/api/features${query}`, { headers: withCookie ? { cookie } : {} }));

beforeAll(async () => {
  services = await backtestServices();
  registerServices(services);
  cookie = (await createTestUser(services, "viewer")).cookie;
  admin = await createTestUser(services, "admin");
  await storeBars(services.database.db, "ETHBTC", "5m", [...calm, ...wild]);
  await storeBars(services.database.db, "XRPETH", "5m", quiet);
  await backfillFeatures(services.database.db, { symbol: "ETHBTC", interval: "5m" });
  await backfillFeatures(services.database.db, { symbol: "XRPETH", interval: "5m" });
});
afterAll(async () => {
  clearServices();
  await services?.database.close();
});

describe("GET /api/features", () => {
  it("returns the feature set, coverage, freshness, latest values and a drift score that sees the volatility jump", async () => {
    const response = await get("?symbol=ETHBTC&interval=5m&recent=100");
    expect(response.status).toBe(200);
    const body = (await response.json()) as FeaturesOverview;
    expect(body.featureSet.version).toBe("v1");
    expect(body.featureSet.features.map((f) => f.name)).toContain("rsi_14");
    expect(body.featureSet.features.every((f) => f.definition.length > 10)).toBe(true);
    const [eth] = body.symbols;
    const expected = computeFeatures([...calm, ...wild]);
    expect(eth.symbol).toBe("ETHBTC");
    expect(eth.coverage.bars.count).toBe(1_000);
    expect(eth.coverage.vectors.count).toBe(expected.length);
    expect(eth.freshness).toMatchObject({ latestTs: wild.at(-1)!.openTime, barsBehind: 0 });
    expect(eth.latest).toEqual(expected.at(-1));
    expect(eth.drift.status).toBe("scored");
    if (eth.drift.status !== "scored") return;
    expect(eth.drift.recent).toBe(100);
    expect(eth.drift.referenceTo).toBeLessThan(wild[0].openTime);
    expect(eth.drift.against).toEqual({ kind: "history" });
    expect(eth.drift.level).toBe("significant");
    expect(eth.drift.psi.rv_20).toBeGreaterThan(0.25);
    expect(eth.drift.psi).not.toHaveProperty("tod_sin");
  });

  it("scores drift against the production ensemble's training range once one is promoted", async () => {
    const trainedOn = { from: calm[100].openTime, to: calm[599].openTime };
    const [version] = await services.database.db.insert(modelVersions).values({
      name: "ensemble-v1", kind: "ensemble", version: 1, status: "production", featureSetVersion: "v1", symbol: "ETHBTC", interval: "5m",
      dataFrom: new Date(trainedOn.from), dataTo: new Date(trainedOn.to), params: {}, metrics: {}, artifact: { kind: "ensemble", members: [] },
      createdBy: admin.user.id, durationMs: 1, promotedAt: new Date(),
    }).returning();
    const [eth] = ((await (await get("?symbol=ETHBTC&interval=5m&recent=100")).json()) as FeaturesOverview).symbols;
    await services.database.db.delete(modelVersions).where(eq(modelVersions.id, version.id));
    expect(eth.drift).toMatchObject({ status: "scored", reference: 500, referenceFrom: trainedOn.from, referenceTo: trainedOn.to, against: { kind: "training", versionId: version.id } });
    if (eth.drift.status === "scored") expect(eth.drift.level).toBe("significant");
  });

  it("lists every symbol of the interval and says when there is too little history to score drift", async () => {
    const body = (await (await get("?interval=5m")).json()) as FeaturesOverview;
    expect(body.symbols.map((s) => s.symbol)).toEqual(["ETHBTC", "XRPETH"]);
    expect(body.symbols[1].drift).toMatchObject({ status: "insufficient-data", recent: 93, reference: 0 });
  });

  it("answers 401 without credentials, 400 for bad input and 404 for a symbol without data", async () => {
    expect((await get("?symbol=ETHBTC&interval=5m", false)).status).toBe(401);
    expect((await get("?symbol=ETHBTC&interval=2m")).status).toBe(400);
    expect((await get("?symbol=ETHBTC&recent=1")).status).toBe(400);
    expect((await get("?symbol=NOSUCHCOIN&interval=5m")).status).toBe(404);
  });
});
