import { describe, expect, it } from "vitest";
import type { AlertInput, Alerter } from "@/lib/alerts";
import * as catalogue from "@/lib/alerts/operator-alerts";
import { logger } from "@/lib/logger";

function recordingAlerter() {
  const raised: AlertInput[] = [];
  const alerter: Alerter = { log: logger("test"), raise: async (input) => (raised.push(input), { id: raised.length, repeated: false, repeats: 0 }) };
  return { alerter, raised };
}

describe("the alert catalogue", () => {
  it("gives each kind of alert the severity operators expect", async () => {
    const { alerter, raised } = recordingAlerter();
    await catalogue.alertTradingHalted(alerter, { accountId: "demo", reason: "MAX_DAILY_LOSS" });
    await catalogue.alertKillSwitch(alerter, { accountId: "demo", engaged: true, by: "admin@example.test" });
    await catalogue.alertSystemFailure(alerter, { component: "database", error: new Error("connection refused") });
    await catalogue.alertSecurityEvent(alerter, { event: "sign-in lockout", message: "5 failures", subject: "a@example.test" });
    await catalogue.alertPerformanceDegradation(alerter, { metric: "order latency p99", value: 850, threshold: 500, unit: " ms" });
    await catalogue.alertModelAccuracyDrop(alerter, { model: "BTCUSDT 1m v3", accuracy: 0.48, threshold: 0.55 });
    await catalogue.alertRateLimitWarning(alerter, { limit: "orders per minute", message: "58 of 60 used" });
    await catalogue.alertDiskSpace(alerter, { path: "/data", freeBytes: 2 ** 30, totalBytes: 20 * 2 ** 30 });
    expect(raised.map((a) => a.severity)).toEqual(["high", "high", "high", "high", "medium", "medium", "low", "low"]);
  });

  it("writes messages a person can act on", async () => {
    const { alerter, raised } = recordingAlerter();
    await catalogue.alertModelAccuracyDrop(alerter, { model: "BTCUSDT 1m v3", accuracy: 0.48, threshold: 0.55 });
    await catalogue.alertDiskSpace(alerter, { path: "/data", freeBytes: 2 ** 30, totalBytes: 20 * 2 ** 30 });
    await catalogue.alertKillSwitch(alerter, { accountId: "demo", engaged: false, by: "admin@example.test" });
    expect(raised[0]!.message).toBe("BTCUSDT 1m v3 is right 48.0% of the time, below the threshold of 55.0%.");
    expect(raised[1]!.message).toBe("1.0 GiB free of 20.0 GiB (5.0%) on /data.");
    expect(raised[2]).toMatchObject({ title: "Kill switch released on demo", code: "kill_switch.released" });
  });

  it("dedupes a recurring condition by what it is about, not by its changing numbers", async () => {
    const { alerter, raised } = recordingAlerter();
    await catalogue.alertDiskSpace(alerter, { path: "/data", freeBytes: 3, totalBytes: 10 });
    await catalogue.alertDiskSpace(alerter, { path: "/data", freeBytes: 2, totalBytes: 10 });
    await catalogue.alertDiskSpace(alerter, { path: "/logs", freeBytes: 2, totalBytes: 10 });
    await catalogue.alertKillSwitch(alerter, { accountId: "demo", engaged: true, by: "a" });
    await catalogue.alertKillSwitch(alerter, { accountId: "demo", engaged: false, by: "a" });
    const keys = raised.map((a) => a.dedupeKey);
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(4);
  });
});
