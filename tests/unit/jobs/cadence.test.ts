import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { cronCadence, currentSlot, describeCadence, InvalidCron, nextFireTime } from "@/lib/jobs/cadence";
import { jobSchedules } from "@/lib/jobs/job-schedules";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("cadences", () => {
  it("fires a cron expression at its next UTC slot, whatever the current minute", () => {
    const weekly = cronCadence("RETRAIN_CRON", "0 3 * * 0")!;
    expect(iso(nextFireTime(weekly, at("2026-01-01T00:00:00Z")))).toBe("2026-01-04T03:00:00.000Z");
    // Exactly at a slot, the next one is a week later: a slot never fires twice.
    expect(iso(nextFireTime(weekly, at("2026-01-04T03:00:00Z")))).toBe("2026-01-11T03:00:00.000Z");
    const nightly = cronCadence("EVALUATION_CRON", "30 1 * * *")!;
    expect(iso(nextFireTime(nightly, at("2026-03-10T01:29:59Z")))).toBe("2026-03-10T01:30:00.000Z");
  });

  it("names the slot a run belongs to: the last firing at or before it", () => {
    const weekly = { cron: "0 3 * * 0" };
    expect(iso(currentSlot(weekly, at("2026-01-06T12:00:00Z")))).toBe("2026-01-04T03:00:00.000Z");
    expect(iso(currentSlot(weekly, at("2026-01-04T03:00:00Z")))).toBe("2026-01-04T03:00:00.000Z");
    expect(iso(currentSlot({ everyMs: 3_600_000 }, at("2026-01-06T12:34:00Z")))).toBe("2026-01-06T12:00:00.000Z");
  });

  it("fires periodic cadences on multiples of the period", () => {
    expect(iso(nextFireTime({ everyMs: 3_600_000 }, at("2026-01-01T10:15:00Z")))).toBe("2026-01-01T11:00:00.000Z");
    expect(iso(nextFireTime({ everyMs: 15 * 60_000 }, at("2026-01-01T10:15:00Z")))).toBe("2026-01-01T10:30:00.000Z");
  });

  it("describes cadences for the Jobs page", () => {
    expect(describeCadence({ everyMs: 3_600_000 })).toBe("every hour");
    expect(describeCadence({ everyMs: 15 * 60_000 })).toBe("every 15 minutes");
    expect(describeCadence({ everyMs: 60_000 })).toBe("every minute");
    expect(describeCadence({ cron: "0 3 * * 0" })).toBe("cron 0 3 * * 0 (UTC)");
    expect(describeCadence(undefined)).toBe("off");
  });
});

describe("cron validation", () => {
  it("turns a schedule off with the literal off", () => {
    expect(cronCadence("RETRAIN_CRON", "off")).toBeUndefined();
    const retrain = jobSchedules(parseConfig({ RETRAIN_CRON: "off" })).find((s) => s.name === "retrain")!;
    expect(retrain.cadence).toBeUndefined();
    expect(retrain.payload).toEqual({ cron: null });
  });

  it.each(["61 * * * *", "bogus", "* * * *", "0 3 * * 8"])("refuses %j with an error naming the variable", (expression) => {
    expect(() => cronCadence("RETRAIN_CRON", expression)).toThrow(InvalidCron);
    expect(() => cronCadence("RETRAIN_CRON", expression)).toThrow(/^RETRAIN_CRON: ".*" is not a valid cron expression/);
  });

  it("stops the schedule registry (and so the jobs process) on a bad cron in config", () => {
    expect(() => jobSchedules(parseConfig({ RETRAIN_CRON: "every sunday" }))).toThrow(/RETRAIN_CRON/);
    expect(() => jobSchedules(parseConfig({ EVALUATION_CRON: "99 1 * * *" }))).toThrow(/EVALUATION_CRON/);
  });

  it("lists every schedule with its cadence from config", () => {
    const schedules = jobSchedules(parseConfig({ FEATURE_BACKFILL_MINUTES: "5", RETRAIN_CRON: "0 4 * * 1", SIM_SYMBOLS: "BTCUSDT", STRATEGY_INTERVAL: "5m" }));
    expect(schedules.map((s) => s.name)).toEqual(["tick-retention", "feature-backfill", "retrain", "model-expiry", "model-evaluation", "signal-outcomes"]);
    expect(schedules.map((s) => describeCadence(s.cadence))).toEqual(["every hour", "every 5 minutes", "cron 0 4 * * 1 (UTC)", "every hour", "cron 30 1 * * * (UTC)", "every minute"]);
    expect(schedules.find((s) => s.name === "feature-backfill")!.payload).toEqual({ symbols: ["BTCUSDT"], interval: "5m" });
  });
});
