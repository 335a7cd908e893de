import { describe, expect, it } from "vitest";
import { checkDiskSpace } from "@/lib/jobs/disk-space";
import { METRIC_NAMES, metricsRegistry, setModelHitRate } from "@/lib/metrics";
import { routePattern } from "@/lib/metrics/route-pattern";

describe("the metrics the app exports", () => {
  it("registers the families METRIC_NAMES lists (the dashboards and alert rules are checked against it), and no other", async () => {
    const registered = (await metricsRegistry().getMetricsAsJSON()).map((m) => m.name);
    expect(registered.filter((name) => !METRIC_NAMES.includes(name))).toEqual([]);
    // The gauges that read a live engine or gateway appear once that process starts tracking them.
    const tracked = ["tradeforge_drawdown_ratio", "tradeforge_equity", "tradeforge_pnl", "tradeforge_risk_state", "tradeforge_socketio_clients", "tradeforge_tick_buffer_depth", "tradeforge_venue_connected"];
    expect(METRIC_NAMES.filter((name) => !registered.includes(name)).sort()).toEqual(tracked);
  });

  it("reports the free disk share the retention job last saw, and each production version's live hit rate", async () => {
    const { freeFraction } = await checkDiskSpace(".");
    setModelHitRate("ensemble-btc BTCUSDT", 0.53);
    const text = await metricsRegistry().metrics();
    expect(text).toContain(`tradeforge_disk_free_ratio ${freeFraction}`);
    expect(text).toContain('tradeforge_model_hit_rate{version="ensemble-btc BTCUSDT"} 0.53');
  });

  it("labels HTTP latency by route pattern, never by order id", () => {
    expect(routePattern("/api/orders/3f2b8c1e-9a4d-4e7b-8c21-0d5e6f7a8b9c", { id: "3f2b8c1e-9a4d-4e7b-8c21-0d5e6f7a8b9c" })).toBe("/api/orders/[id]");
    expect(routePattern("/api/venues/mismatches/position%3ABTCUSDT", { id: "position:BTCUSDT" })).toBe("/api/venues/mismatches/[id]");
    expect(routePattern("/api/health", undefined)).toBe("/api/health");
  });
});
