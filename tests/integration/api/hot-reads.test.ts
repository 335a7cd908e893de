import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as positionsRoute from "@/app/api/positions/route";
import { ACCOUNT_CHANGED_TOPIC, isAccountChanged } from "@/lib/bus/change-topics";
import { engineClient } from "../support/engine-client";
import { type Harness, waitFor } from "../support/engine-harness";
import { type RouteHarness, startRouteHarness } from "../support/route-harness";
import type { TestUser } from "../support/users";

// The web's cached reads against the real engine: an order's fill shows in /api/positions as soon as the engine
// announces it, however recently the positions were read, and the announcement comes only once the fill is durable.
let h: Harness;
let trader: TestUser;
const client = engineClient(() => h);

let routes: RouteHarness;

beforeAll(async () => {
  routes = await startRouteHarness();
  ({ harness: h, trader } = routes);
});
afterAll(async () => routes?.close());

const positions = async () => {
  const response = await positionsRoute.GET(new Request("http://localhost:3000/api/positions", { headers: { cookie: trader.cookie } }));
  return ((await response.json()) as { positions: Array<{ symbol: string; quantity: string }> }).positions;
};

interface Announcement {
  fillsStored: number;
  btcShown: boolean;
}

/** What /api/positions says at the moment each account change is announced (the cache is warm, see below). */
async function recordAnnouncements(into: Announcement[]): Promise<() => Promise<void>> {
  return h.services.bus.subscribe(ACCOUNT_CHANGED_TOPIC, async (message) => {
    if (!isAccountChanged(message)) return;
    const shown = (await positions()).some((p) => p.symbol === "BTCUSDT");
    const { n } = await client.row<{ n: number }>("select count(*)::int as n from fills where account_id = $1", [message.accountId]);
    into.push({ fillsStored: n, btcShown: shown });
  });
}

describe("hot reads in front of the database", () => {
  it("shows a fill in /api/positions as soon as the engine announces it, though a poller keeps the positions cached", async () => {
    expect((await positions()).find((p) => p.symbol === "BTCUSDT")).toBeUndefined();
    // A dashboard polling every 50 ms: without the announcement the cached positions would stay a second old.
    let polling = true;
    const poller = (async () => {
      while (polling) {
        await positions();
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const announcements: Announcement[] = [];
    const stop = await recordAnnouncements(announcements);
    const order = await client.submit({ quantity: "0.02" });
    await waitFor(async () => (await client.row<{ status: string }>("select status from orders where id = $1", [order.id])).status === "FILLED", "the fill");
    await waitFor(() => announcements.some((a) => a.fillsStored > 0), "the fill's announcement");
    polling = false;
    await poller;
    await stop();
    expect(announcements.find((a) => a.fillsStored > 0)?.btcShown).toBe(true);
    expect((await positions()).find((p) => p.symbol === "BTCUSDT")?.quantity).toBe("0.02");
  });

  it("answers /api/health from one round of checks per second, however many ask", async () => {
    const bodies = await Promise.all(Array.from({ length: 20 }, async () => (await healthRoute.GET()).json() as Promise<{ checks: { database: { latencyMs: number } } }>));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });
});
