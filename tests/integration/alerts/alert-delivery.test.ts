import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alertKillSwitch, alertModelAccuracyDrop, createAlertDelivery, createAlerter } from "@/lib/alerts";
import type { DatabaseHandle } from "@/lib/db/client";
import { alertDatabase, alertRows, clearAlerts, deliveryRows, manualClock, silentLog } from "./support/alert-db";
import { RecordingServer } from "./support/recording-server";

let handle: DatabaseHandle;
let server: RecordingServer;
let clock: ReturnType<typeof manualClock>;

beforeAll(async () => {
  handle = await alertDatabase();
  server = await new RecordingServer().start();
});
afterAll(async () => {
  await server.stop();
  await handle.close();
});
beforeEach(async () => {
  await clearAlerts(handle);
  server.received.length = 0;
  server.attempts.length = 0;
  server.behaviour = { status: 200 };
  clock = manualClock();
});

const config = () => ({ SLACK_WEBHOOK_URL: server.url("/slack"), ALERT_WEBHOOK_URL: server.url("/hook") });
const alerter = () => createAlerter({ db: handle.db, config: config(), log: silentLog, now: clock.now });
const delivery = (extra: Partial<Parameters<typeof createAlertDelivery>[0]> = {}) =>
  createAlertDelivery({ db: handle.db, config: config(), log: silentLog, now: clock.now, ...extra });

describe("alert messages", () => {
  it("posts a Slack incoming-webhook message with the severity first, and the webhook every field", async () => {
    await alertKillSwitch(alerter(), { accountId: "demo", engaged: true, by: "ops@example.test", reason: "runaway strategy" });
    expect(await delivery().deliverDue()).toBe(2);

    const [slack] = server.bodies("/slack") as { text: string; blocks: { type: string; text?: { text: string } }[] }[];
    expect(slack!.text).toMatch(/^:rotating_light: \[HIGH\] Kill switch engaged on demo: ops@example\.test engaged the kill switch/);
    expect(slack!.blocks[0]!.type).toBe("section");
    expect(slack!.blocks[0]!.text!.text).toContain("*Kill switch engaged on demo*");

    const [hook] = server.bodies("/hook");
    expect(hook).toEqual({
      source: "tradeforge",
      id: expect.any(Number),
      severity: "high",
      code: "kill_switch.engaged",
      title: "Kill switch engaged on demo",
      message: expect.stringContaining("runaway strategy"),
      dedupeKey: "kill_switch:demo:engaged",
      detail: { accountId: "demo", engaged: true, by: "ops@example.test", reason: "runaway strategy" },
      repeats: 0,
      createdAt: "2026-01-05T12:00:00.000Z",
      lastSeenAt: "2026-01-05T12:00:00.000Z",
    });
    expect(server.received.every((r) => r.headers["content-type"] === "application/json")).toBe(true);
    expect((await deliveryRows(handle)).map((d) => [d.channel, d.status, d.attempts])).toEqual([["slack", "delivered", 1], ["webhook", "delivered", 1]]);
  });

  it("queues nothing when no channel is configured, but keeps the alert for the app", async () => {
    const quiet = createAlerter({ db: handle.db, config: {}, log: silentLog, now: clock.now });
    await alertModelAccuracyDrop(quiet, { model: "ensemble BTCUSDT 1m v3", accuracy: 0.48, threshold: 0.55 });
    expect(await alertRows(handle)).toHaveLength(1);
    expect(await deliveryRows(handle)).toHaveLength(0);
  });
});

describe("deduplication", () => {
  it("makes a repeat within the window one message with a repeat count, and alerts again after it", async () => {
    const a = alerter();
    const first = await a.raise({ severity: "medium", code: "tick_lag", title: "Ticks lag", message: "2 s behind" });
    await delivery().deliverDue();
    clock.advance(5 * 60_000);
    const again = await a.raise({ severity: "medium", code: "tick_lag", title: "Ticks lag", message: "3 s behind" });
    await a.raise({ severity: "medium", code: "tick_lag", title: "Ticks lag", message: "4 s behind" });
    expect(again).toEqual({ id: first!.id, repeated: true, repeats: 1 });
    expect(await delivery().deliverDue()).toBe(0);
    expect(server.bodies("/slack")).toHaveLength(1);
    const [row] = await alertRows(handle);
    expect(row!.repeats).toBe(2);
    expect(row!.lastSeenAt.getTime()).toBe(clock.ms());

    clock.advance(30 * 60_000); // medium: 30 minutes after the first
    const later = await a.raise({ severity: "medium", code: "tick_lag", title: "Ticks lag", message: "5 s behind" });
    expect(later!.repeated).toBe(false);
    await delivery().deliverDue();
    expect(server.bodies("/slack")).toHaveLength(2);
  });

  it("keeps different dedupe keys apart", async () => {
    const a = alerter();
    await alertKillSwitch(a, { accountId: "demo", engaged: true, by: "x" });
    await alertKillSwitch(a, { accountId: "demo", engaged: false, by: "x" });
    await alertKillSwitch(a, { accountId: "other", engaged: true, by: "x" });
    expect(await alertRows(handle)).toHaveLength(3);
  });
});

describe("rate limit", () => {
  it("holds messages over the limit until a slot frees, and delivers all of them in order", async () => {
    const a = alerter();
    for (let i = 1; i <= 7; i += 1) await a.raise({ severity: "low", code: "disk_space", title: `Disk ${i}`, message: "low", dedupeKey: `disk-${i}` });
    const limited = delivery({ rateLimit: { max: 3, windowMs: 60_000 } });

    expect(await limited.deliverDue()).toBe(6); // 3 per channel
    expect(await limited.deliverDue()).toBe(0);
    clock.advance(59_000);
    expect(await limited.deliverDue()).toBe(0);
    clock.advance(1_000);
    expect(await limited.deliverDue()).toBe(6);
    clock.advance(60_000);
    expect(await limited.deliverDue()).toBe(2);

    const titles = (server.bodies("/hook") as { title: string }[]).map((b) => b.title);
    expect(titles).toEqual(["Disk 1", "Disk 2", "Disk 3", "Disk 4", "Disk 5", "Disk 6", "Disk 7"]);
    expect((await deliveryRows(handle)).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
  });
});

describe("timeouts", () => {
  it("counts an endpoint that does not answer in time as a failure to retry", async () => {
    server.behaviour = "hang";
    await alerter().raise({ severity: "high", code: "system_failure", title: "DB down", message: "refused" });
    expect(await delivery({ timeoutMs: 200 }).deliverDue()).toBe(0);
    const rows = await deliveryRows(handle);
    expect(rows.map((d) => [d.status, d.attempts])).toEqual([["pending", 1], ["pending", 1]]);
    expect(rows[0]!.lastError).toMatch(/timed out after 200 ms/);
    expect(rows[0]!.nextAttemptAt.getTime()).toBe(clock.ms() + 1_000);
  });
});
