import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as driftRoute from "@/app/api/fidelity/drift/route";
import type { DriftResponse } from "@/lib/fidelity/strategy-drift-view";
import { clearServices, registerServices } from "@/lib/runtime/services";
import { createTestUser } from "../support/users";
import { closeStopped, type LiveReplay, REPLAY_SYMBOL, runPaperEngineOnReplay } from "./live-replay";
import { trendingTrades } from "./recorded-trades";

const trades = trendingTrades(2_500, 23);

async function getDrift(live: LiveReplay, symbol: string, role: "viewer" | null = "viewer"): Promise<Response> {
  const headers: Record<string, string> = role ? { cookie: (await createTestUser(live.harness.services, role)).cookie } : {};
  return driftRoute.GET(new Request(`http://localhost:3000/api/fidelity/drift?symbol=${symbol}`, { headers }));
}

async function replayed(env: Record<string, string>): Promise<LiveReplay> {
  const live = await runPaperEngineOnReplay(trades, env);
  registerServices(live.harness.services);
  return live;
}

describe("GET /api/fidelity/drift when the paper strategy trades as its backtest", () => {
  let live: LiveReplay;
  beforeAll(async () => (live = await replayed({})));
  afterAll(async () => {
    clearServices();
    await closeStopped(live?.harness);
  });

  it("shows the same orders and P&L on both sides, no fill drift, and the strategy in line", async () => {
    const response = await getDrift(live, REPLAY_SYMBOL);
    expect(response.status).toBe(200);
    const { drift } = (await response.json()) as DriftResponse;
    expect(drift.state).toBe("in-line");
    expect(drift.interval).toBe("1s");
    expect(drift.report!.firstDivergence).toBeNull();
    expect(drift.report!.live.orders).toBeGreaterThanOrEqual(5);
    expect(drift.report!.backtest.orders).toBe(drift.report!.live.orders);
    expect(drift.report!.matched).toBe(drift.report!.live.orders);
    expect(drift.report!.fillDriftBps).toEqual({ mean: 0, max: 0 });
    expect(drift.report!.pnlDrift).toBe("0");
    expect(drift.report!.live.pnl).toBe(drift.report!.backtest.pnl);
  });

  it("answers 401 without credentials, 400 for a bad symbol and 404 for an unknown one", async () => {
    expect((await getDrift(live, REPLAY_SYMBOL, null)).status).toBe(401);
    expect((await getDrift(live, "not-a-symbol")).status).toBe(400);
    expect((await getDrift(live, "NOSUCHCOIN")).status).toBe(404);
  });
});

describe("GET /api/fidelity/drift when a live limit stops the strategy's orders", () => {
  let live: LiveReplay;
  // One order a minute: the replay runs in seconds, so the first order passes and every later one is refused by the
  // gate (a size limit would not do: strategy orders are clipped to size limits, not refused).
  beforeAll(async () => (live = await replayed({ MAX_ORDERS_PER_MINUTE: "1" })));
  afterAll(async () => {
    clearServices();
    await closeStopped(live?.harness);
  });

  it("says where and why live parted from the backtest", async () => {
    const { drift } = (await (await getDrift(live, REPLAY_SYMBOL)).json()) as DriftResponse;
    expect(live.orders).toHaveLength(1);
    expect(drift.state).toBe("diverged");
    expect(drift.report!.live.orders).toBe(1);
    expect(drift.report!.backtest.orders).toBeGreaterThan(1);
    const divergence = drift.report!.firstDivergence!;
    expect(divergence.reason).toMatch(/^backtest (bought|sold) \d+\.?\d* at [\d.]+; live did not trade$/);
    expect(divergence.barOpenTime).toBeGreaterThan(drift.since!);
    expect(drift.report!.pnlDrift).not.toBe("0");
  });
});
