import { describe, expect, it } from "vitest";
import { INITIAL_RUN_FORM, parseNumberList, runRequestFromForm, type RunFormState } from "@/lib/client/backtest-form";

const DATASET_ID = "6f1c2b9e-8d4a-4c1e-9b7f-2a3d4e5f6a7b";

function form(changes: Partial<RunFormState>): RunFormState {
  return { ...INITIAL_RUN_FORM, datasetId: DATASET_ID, ...changes };
}

describe("run form -> API request", () => {
  it("turns the default backtest form into the request the API schema accepts", () => {
    const result = runRequestFromForm(form({ fast: "5", slow: "20", commission: "0.002", name: "  trend  " }));
    expect(result).toEqual({
      ok: true,
      request: {
        kind: "backtest",
        name: "trend",
        data: { source: "dataset", datasetId: DATASET_ID },
        period: {},
        cash: "10000",
        costs: { commission: "0.002", spread: "0", slippageBps: "0" },
        fill: "next-open",
        exclusiveOrders: true,
        finalize: true,
        sizing: { kind: "all-in-units" },
        barInterval: "1m",
        exits: {},
        entry: { type: "market" },
        risk: {},
        strategy: { name: "sma-cross", fast: 5, slow: 20 },
      },
    });
  });

  it("sends exits, a limit entry, risk sizing and pre-trade limits, and asks for a stop-loss before risk sizing", () => {
    const result = runRequestFromForm(form({
      sizing: "risk", riskFraction: "0.01", stopLoss: "0.02", takeProfit: "0.05", entryType: "limit", entryOffset: "0.005", entryValidBars: "3",
      maxOrderNotional: "5000", maxPositionFraction: "0.5", fill: "intrabar", barInterval: "1s",
    }));
    expect(result.ok && result.request).toMatchObject({
      sizing: { kind: "risk", fraction: 0.01 }, exits: { stopLossPct: 0.02, takeProfitPct: 0.05 }, entry: { type: "limit", offsetPct: 0.005, validBars: 3 },
      risk: { maxOrderNotional: "5000", maxPositionFraction: "0.5" }, fill: "intrabar", barInterval: "1s",
    });
    const noStop = runRequestFromForm(form({ sizing: "risk", riskFraction: "0.01" }));
    expect(noStop.ok ? null : noStop.errors.riskFraction).toBe("risk sizing needs a stop-loss (exits.stopLossPct)");
    const badRisk = runRequestFromForm(form({ sizing: "risk", riskFraction: "2", stopLoss: "0.02" }));
    expect(badRisk.ok ? null : badRisk.errors.riskFraction).toBeDefined();
    const badStop = runRequestFromForm(form({ stopLoss: "1.5" }));
    expect(badStop.ok ? null : badStop.errors.stopLoss).toBeDefined();
  });

  it("asks for data before anything else when no dataset is chosen", () => {
    const result = runRequestFromForm(form({ datasetId: "" }));
    expect(result).toEqual({ ok: false, errors: { datasetId: "Upload a file or choose an uploaded dataset" } });
  });

  it("puts the schema's messages on the fields a person typed into", () => {
    const result = runRequestFromForm(form({ fast: "30", slow: "10", cash: "-5", commission: "1.5", sizing: "fixed", quantity: "" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fast).toBe("fast must be shorter than slow");
    expect(result.errors.cash).toBeDefined();
    expect(result.errors.commission).toBeDefined();
    expect(result.errors.quantity).toBeDefined();
    expect(result.errors.form).toBeUndefined();
  });

  it("says Required for an empty number and 'Must be a number' for text", () => {
    const empty = runRequestFromForm(form({ fast: "" }));
    const text = runRequestFromForm(form({ slow: "ten" }));
    expect(empty.ok ? null : empty.errors.fast).toBe("Required");
    expect(text.ok ? null : text.errors.slow).toBe("Must be a number");
  });

  it("reads the period as UTC and sends stored bars by symbol and interval", () => {
    const result = runRequestFromForm(form({ dataSource: "bars", symbol: "BTCUSDT", interval: "5m", from: "2024-03-01T00:00", to: "2024-03-02T12:30" }));
    expect(result.ok && result.request.data).toEqual({ source: "bars", symbol: "BTCUSDT", interval: "5m" });
    expect(result.ok && result.request.period).toEqual({ from: "2024-03-01T00:00:00.000Z", to: "2024-03-02T12:30:00.000Z" });
  });

  it("builds an optimisation from the grid lists, metric and windows", () => {
    const result = runRequestFromForm(form({ mode: "optimize", gridFast: "5, 10;15", gridSlow: "20 30", metric: "sortino", trainBars: "100", testBars: "25", stepBars: "", sizing: "fraction", fraction: "0.5" }));
    expect(result.ok).toBe(true);
    if (!result.ok || result.request.kind !== "optimize") return;
    expect(result.request.grid).toEqual({ fast: [5, 10, 15], slow: [20, 30] });
    expect(result.request.metric).toBe("sortino");
    expect(result.request.windows).toEqual({ train: 100, test: 25 });
    expect(result.request.sizing).toEqual({ kind: "fraction", fraction: 0.5 });
  });

  it("refuses an optimisation grid without a single fast < slow pair, and too short a train window", () => {
    const result = runRequestFromForm(form({ mode: "optimize", gridFast: "30, 40", gridSlow: "10, 20", trainBars: "5" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.gridFast).toMatch(/fast shorter than slow/);
    expect(result.errors.trainBars).toBeDefined();
  });

  it("splits a list on commas, semicolons and spaces", () => {
    expect(parseNumberList(" 5,10 ; 15  20,")).toEqual([5, 10, 15, 20]);
    expect(parseNumberList("")).toEqual([]);
  });
});
