import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlerter } from "@/lib/alerts";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { modelSignals, modelVersions } from "@/lib/db/schema";
import { signalOutcomesJob } from "@/lib/jobs/signal-outcomes-job";
import { parseConfig } from "@/lib/config";
import { logger } from "@/lib/logger";
import { insertUser } from "@/lib/auth/user-store";

let database: DatabaseHandle;
let versionId = "";
const START = Date.UTC(2024, 0, 1);

/** 60 resolved calls of a production version: it always says up; the market went up only 20 times. */
beforeAll(async () => {
  database = await createPglite();
  await migrateDatabase(database);
  const user = await insertUser(database.db, { email: "a@example.test", role: "admin", accountId: "demo", passwordHash: "x" });
  const [version] = await database.db.insert(modelVersions).values({
    name: "ensemble-v1", kind: "ensemble", version: 1, status: "production", featureSetVersion: "v1", symbol: "BTCUSDT", interval: "1m",
    dataFrom: new Date(START), dataTo: new Date(START), params: {}, metrics: {}, artifact: { kind: "ensemble", members: [] }, createdBy: user!.id, durationMs: 1,
  }).returning();
  versionId = version.id;
  await database.db.insert(modelSignals).values(Array.from({ length: 60 }, (_, i) => {
    const outcome = i % 3 === 0 ? 1 : 0;
    return { versionId, role: "production", symbol: "BTCUSDT", interval: "1m", ts: new Date(START + i * 60_000), direction: 1, confidence: 0.6, votes: [], close: "100", horizon: 3, deadZone: 0.001, outcome, correct: outcome === 1, resolvedAt: new Date() };
  }));
});
afterAll(async () => database?.close());

describe("live accuracy watch", () => {
  it("alerts (medium) when a production ensemble's live calls do no better than a constant call, and says so in the run", async () => {
    const alerter = createAlerter({ db: database.db, config: parseConfig({}), log: logger("test") });
    const result = (await signalOutcomesJob(database, alerter).run({}, { progress: async () => {} })) as { laggingProduction: Array<{ hitRate: number; baseline: number }> };
    expect(result.laggingProduction).toEqual([expect.objectContaining({ hitRate: 20 / 60, baseline: 40 / 60 })]);
    const alerts = await database.query<{ severity: string; code: string; message: string }>("select severity, code, message from alerts");
    expect(alerts).toEqual([expect.objectContaining({ severity: "medium", code: "model_accuracy_drop" })]);
  });
});
