import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertDelivery, createAlerter, startAlertDelivery } from "@/lib/alerts";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { waitFor } from "../support/engine-harness";
import { alertDatabase, deliveryRows, manualClock, silentLog } from "./support/alert-db";
import { RecordingServer } from "./support/recording-server";

let server: RecordingServer;
beforeAll(async () => {
  server = await new RecordingServer().start();
});
afterAll(() => server.stop());

const config = () => ({ SLACK_WEBHOOK_URL: server.url("/slack"), ALERT_WEBHOOK_URL: server.url("/hook") });
const raiseNumbered = (alerter: ReturnType<typeof createAlerter>, n: number) =>
  alerter.raise({ severity: "high", code: "system_failure", title: `Failure ${n}`, message: `number ${n}`, dedupeKey: `failure-${n}` });
/** What each message announced, in arrival order: the webhook's title, or the alert named in Slack's text. */
const titles = (path: string) =>
  (server.bodies(path) as { title?: string; text?: string }[]).map((b) => b.title ?? /Failure \d+/.exec(b.text ?? "")?.[0]);

describe("an endpoint that is down", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await alertDatabase();
  });
  afterAll(() => handle.close());

  it("keeps every message queued with growing backoff, then delivers each exactly once and in order", async () => {
    const clock = manualClock();
    const alerter = createAlerter({ db: handle.db, config: config(), log: silentLog, now: clock.now });
    const delivery = createAlertDelivery({ db: handle.db, config: config(), log: silentLog, now: clock.now });
    server.behaviour = { status: 500 };
    for (const n of [1, 2, 3]) await raiseNumbered(alerter, n);

    // Failing: only the oldest message is tried (the rest wait behind it), each retry after twice the wait.
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await delivery.deliverDue()).toBe(0);
      const [head] = (await deliveryRows(handle)).filter((d) => d.channel === "webhook");
      expect(head!.attempts).toBe(attempt);
      expect(head!.lastError).toMatch(/HTTP 500/);
      waits.push(head!.nextAttemptAt.getTime() - clock.ms());
      const triedSoFar = server.attempts.length;
      clock.advance(waits.at(-1)! - 1);
      expect(await delivery.deliverDue()).toBe(0);
      expect(server.attempts.length).toBe(triedSoFar); // not retried before its time
      clock.advance(1);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);

    // Down: connections refused. Alerts raised meanwhile queue up too.
    await server.stop();
    await raiseNumbered(alerter, 4);
    expect(await delivery.deliverDue()).toBe(0);
    const rows = await deliveryRows(handle);
    expect(rows).toHaveLength(8);
    expect(rows.every((d) => d.status === "pending")).toBe(true);
    expect(rows.filter((d) => d.channel === "slack")[0]!.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    expect(rows.filter((d) => d.attempts === 5)).toHaveLength(2);

    // Back: everything arrives once, oldest first.
    server.behaviour = { status: 200 };
    await server.start();
    clock.advance(16_000);
    expect(await delivery.deliverDue()).toBe(8);
    expect(await delivery.deliverDue()).toBe(0);
    expect(titles("/slack")).toEqual(["Failure 1", "Failure 2", "Failure 3", "Failure 4"]);
    expect(titles("/hook")).toEqual(["Failure 1", "Failure 2", "Failure 3", "Failure 4"]);
    expect((await deliveryRows(handle)).every((d) => d.status === "delivered")).toBe(true);
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    await handle.db.execute("delete from alerts");
    const clock = manualClock();
    const alerter = createAlerter({ db: handle.db, config: config(), log: silentLog, now: clock.now });
    server.behaviour = { status: 429, headers: { "retry-after": "30" } };
    await raiseNumbered(alerter, 9);
    await createAlertDelivery({ db: handle.db, config: config(), log: silentLog, now: clock.now }).deliverDue();
    const [head] = await deliveryRows(handle);
    expect(head!.nextAttemptAt.getTime() - clock.ms()).toBe(30_000);
    server.behaviour = { status: 200 };
  });
});

describe("a restart", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tf-alerts-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function open(): Promise<DatabaseHandle> {
    const handle = await createPglite(path.join(dir, "pglite"));
    await migrateDatabase(handle);
    return handle;
  }

  it("delivers what the previous process had queued", async () => {
    server.received.length = 0;
    server.behaviour = { status: 503 };
    const options = { config: config(), log: silentLog, pollMs: 20, backoff: { baseMs: 20, maxMs: 100 } };

    const before = await open();
    const alerter = createAlerter({ db: before.db, config: config(), log: silentLog });
    for (const n of [1, 2, 3]) await raiseNumbered(alerter, n);
    const worker = startAlertDelivery({ db: before.db, ...options });
    await waitFor(async () => (await deliveryRows(before)).some((d) => d.attempts >= 2), "retries while the endpoint fails");
    await worker.stop();
    await before.close();

    server.behaviour = { status: 200 };
    const after = await open();
    const restarted = startAlertDelivery({ db: after.db, ...options });
    try {
      await waitFor(async () => (await deliveryRows(after)).every((d) => d.status === "delivered"), "delivery after the restart");
    } finally {
      await restarted.stop();
      await after.close();
    }
    expect(titles("/slack")).toEqual(["Failure 1", "Failure 2", "Failure 3"]);
    expect(titles("/hook")).toEqual(["Failure 1", "Failure 2", "Failure 3"]);
  });
});
