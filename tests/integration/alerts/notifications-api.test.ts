import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as readRoute from "@/app/api/notifications/read/route";
import * as listRoute from "@/app/api/notifications/route";
import { alertKillSwitch, alertDiskSpace, alertModelAccuracyDrop, createAlerter, type Alerter } from "@/lib/alerts";
import { alerts } from "@/lib/db/schema";
import type { MarkReadResponse, NotificationsResponse } from "@/lib/server/notifications/notification-view";
import { startTestbed, type Testbed } from "../admin/support";
import { createTestKey, createTestUser, type TestUser } from "../support/users";
import { manualClock, silentLog } from "./support/alert-db";

let bed: Testbed;
let viewer: TestUser;
let admin: TestUser;
let alerter: Alerter;
let clock: ReturnType<typeof manualClock>;
const BASE = "http://localhost:3000";

beforeAll(async () => {
  bed = await startTestbed();
  viewer = await createTestUser(bed.services, "viewer");
  admin = await createTestUser(bed.services, "admin");
});
afterAll(async () => bed?.close());
beforeEach(async () => {
  await bed.services.database.db.delete(alerts);
  clock = manualClock(Date.now());
  alerter = createAlerter({ db: bed.services.database.db, config: {}, log: silentLog, now: clock.now });
});

const headersOf = (who: TestUser | string): Record<string, string> => (typeof who === "string" ? { authorization: `Bearer ${who}` } : { cookie: who.cookie });

async function list(who: TestUser | string, query = ""): Promise<NotificationsResponse> {
  const response = await listRoute.GET(new Request(`${BASE}/api/notifications${query}`, { headers: headersOf(who) }));
  expect(response.status).toBe(200);
  return (await response.json()) as NotificationsResponse;
}

function markRead(who: TestUser | null, body: unknown): Promise<Response> {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return readRoute.POST(new Request(`${BASE}/api/notifications/read`, { method: "POST", headers: { "content-type": "application/json", ...(who ? headersOf(who) : {}) }, body: raw }));
}

async function raiseThree() {
  await alertDiskSpace(alerter, { path: "/data", freeBytes: 2 ** 30, totalBytes: 100 * 2 ** 30 });
  clock.advance(1_000);
  await alertModelAccuracyDrop(alerter, { model: "BTCUSDT 1m v2", accuracy: 0.45, threshold: 0.55 });
  clock.advance(1_000);
  await alertKillSwitch(alerter, { accountId: "demo", engaged: true, by: "ops@example.test" });
}

describe("GET /api/notifications", () => {
  it("shows every signed-in user every alert, newest first, unread", async () => {
    await raiseThree();
    for (const who of [viewer, admin]) {
      const { items, unreadCount } = await list(who);
      expect(items.map((n) => [n.severity, n.code])).toEqual([["high", "kill_switch.engaged"], ["medium", "model_accuracy_drop"], ["low", "disk_space"]]);
      expect(items.every((n) => !n.read)).toBe(true);
      expect(unreadCount).toBe(3);
    }
    const key = await createTestKey(bed.services, viewer.user.id, ["read"]);
    expect((await list(key)).items).toHaveLength(3);
  });

  it("honours unread and limit, and refuses bad queries and strangers", async () => {
    await raiseThree();
    expect((await list(viewer, "?limit=1")).items.map((n) => n.code)).toEqual(["kill_switch.engaged"]);
    const bad = await listRoute.GET(new Request(`${BASE}/api/notifications?limit=0`, { headers: headersOf(viewer) }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/limit/);
    const unknown = await listRoute.GET(new Request(`${BASE}/api/notifications?severity=high`, { headers: headersOf(viewer) }));
    expect(unknown.status).toBe(400);
    const anonymous = await listRoute.GET(new Request(`${BASE}/api/notifications`));
    expect(anonymous.status).toBe(401);
  });
});

describe("POST /api/notifications/read", () => {
  it("marks the given alerts read for the caller only", async () => {
    await raiseThree();
    const [newest, middle] = (await list(viewer)).items;
    const response = await markRead(viewer, { ids: [newest!.id, middle!.id, 999_999] });
    expect(response.status).toBe(200);
    expect((await response.json()) as MarkReadResponse).toEqual({ marked: 2, unreadCount: 1 });

    const mine = await list(viewer);
    expect(mine.items.map((n) => n.read)).toEqual([true, true, false]);
    expect((await list(viewer, "?unread=true")).items.map((n) => n.code)).toEqual(["disk_space"]);
    expect((await list(admin)).unreadCount).toBe(3);
  });

  it("marks everything read with all: true, and a repeat of an alert makes it unread again", async () => {
    await raiseThree();
    expect((await (await markRead(admin, { all: true })).json()) as MarkReadResponse).toEqual({ marked: 3, unreadCount: 0 });
    clock.advance(5 * 60_000); // within the hour's dedupe window, after the read
    await alertDiskSpace(alerter, { path: "/data", freeBytes: 2 ** 29, totalBytes: 100 * 2 ** 30 });
    const after = await list(admin);
    expect(after.unreadCount).toBe(1);
    expect(after.items[0]).toMatchObject({ code: "disk_space", repeats: 1, read: false });
  });

  it("explains what is wrong with a bad request", async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /either \{ ids/],
      [{ ids: [1], all: true }, /either \{ ids/],
      [{ ids: [] }, /at least one id/],
      [{ ids: ["x"] }, /ids\.0/],
      [{ all: false }, /all/],
      [{ ids: [1], extra: 1 }, /extra/],
    ];
    for (const [body, message] of cases) {
      const response = await markRead(viewer, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { code: string; message: string } }).error.message, JSON.stringify(body)).toMatch(message);
    }
    expect((await markRead(viewer, "{nope")).status).toBe(400);
    expect((await markRead(null, { all: true })).status).toBe(401);
  });
});
