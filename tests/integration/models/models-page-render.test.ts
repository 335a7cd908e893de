import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { liveChartRows, liveMarkets } from "@/components/models/live-chart-data";
import { ConfusionMatrices } from "@/components/models/confusion-matrices";
import { SymbolSignalRow } from "@/components/signals/symbol-signal-row";
import type { VersionMetrics } from "@/lib/server/models/metrics-service";
import type { MetricHeadline, WindowHeadline } from "@/lib/server/models/model-views";
import { liveHitRate } from "@/lib/server/models/live-hit-rate";
import { MAJORITY_CONFUSION, MODEL_CONFUSION, PERSISTENCE_CONFUSION, VOTES } from "./seed-versions";

const headline = (name: string, confusion: number[][]) => ({ name, confusion, calibration: { bins: [], ece: null } }) as unknown as MetricHeadline;
const HOUR = 3_600_000;

function version(id: string, status: VersionMetrics["status"], outcomes: Array<[number, [number, number, number], number]>): VersionMetrics {
  const buckets = outcomes.map(([hour, counts, correct]) => ({ versionId: id, hour: hour * HOUR, calls: counts[0] + counts[1] + counts[2], resolved: counts[0] + counts[1] + counts[2], correct, outcomes: counts }));
  return { id, name: "ensemble-v1", kind: "ensemble", version: id === "p" ? 1 : 2, status, symbol: "BTCUSDT", interval: "1m", live: liveHitRate(buckets) } as VersionMetrics;
}

describe("the models page's pieces", () => {
  it("shows the model's confusion matrix with row percentages beside the persistence and majority-class baselines'", () => {
    const window = { from: "", to: "", model: headline("ensemble", MODEL_CONFUSION), baselines: [headline("majority-class", MAJORITY_CONFUSION), headline("buy-and-hold", MAJORITY_CONFUSION), headline("persistence", PERSISTENCE_CONFUSION)] } as WindowHeadline;
    const html = renderToStaticMarkup(createElement(ConfusionMatrices, { window }));
    expect([...html.matchAll(/data-predictor="([^"]+)"/g)].map((m) => m[1])).toEqual(["ensemble", "persistence", "majority-class"]);
    // Actual down: 12, 5, 3 of 20 -> 60 %, 25 %, 15 %.
    expect(html).toContain("12 (60 %)");
    expect(html).toContain("5 (25 %)");
    expect(html).toContain("3 (15 %)");
  });

  it("charts production and shadow per hour with the production version's constant-call baseline", () => {
    const markets = liveMarkets([version("s", "shadow", [[1, [1, 2, 1], 2]]), version("p", "production", [[1, [1, 3, 0], 3], [2, [2, 1, 1], 1]]), { ...version("c", "candidate", []), kind: "rf" }]);
    expect(markets).toHaveLength(1);
    expect(markets[0].versions.map((v) => v.id)).toEqual(["p", "s"]);
    expect(markets[0].reference.id).toBe("p");
    // Production's resolved outcomes: down 3, flat 4, up 1 -> always flat; 3/4 in hour 1, 1/4 in hour 2.
    expect(liveChartRows(markets[0])).toEqual([{ ts: HOUR, baseline: 0.75, p: 0.75, s: 0.5 }, { ts: 2 * HOUR, baseline: 0.25, p: 0.25 }]);
  });

  it("shows a symbol's production call with each member's vote and the shadow call", () => {
    const signal = { ts: "", calledAt: new Date(100_000).toISOString(), role: "production", direction: 1 as const, confidence: 0.55, target: "0.01", close: "1", horizon: 5, votes: VOTES, outcome: null, correct: null };
    const market = { symbol: "BTCUSDT", interval: "1m", production: [{ versionId: "p", name: "ensemble-v1", version: 3, status: "production" as const, signal }], shadow: [{ versionId: "s", name: "ensemble-v1", version: 4, status: "shadow" as const, signal: { ...signal, direction: -1 as const, confidence: 0.4 } }] };
    const html = renderToStaticMarkup(createElement("table", null, createElement("tbody", null, createElement(SymbolSignalRow, { market, now: 220_000 }))));
    expect(html).toMatch(/data-testid="ensemble-direction" data-direction="up">▲ up 55%/);
    expect([...html.matchAll(/data-member="(\w+)"/g)].map((m) => m[1])).toEqual(["rf", "lstm", "ddqn"]);
    expect(html).toContain("2 min ago");
    expect(html).toMatch(/text-down[^>]*>▼ down 40%/);
  });
});
