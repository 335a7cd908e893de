import { describe, expect, it } from "vitest";
import { driftReport } from "@/lib/fidelity/drift-report";
import type { Execution } from "@/lib/fidelity/bar-executions";
import { fillsPnl } from "@/lib/fidelity/fill-pnl";

const MINUTE = 60_000;
const T0 = Date.UTC(2024, 0, 2, 10, 0);
const at = (bar: number) => T0 + bar * MINUTE;
const fill = (bar: number, side: Execution["side"], quantity: string, price: string, fee = "0"): Execution => ({ bar, side, quantity, price, fee });
const report = (live: Execution[], backtest: Execution[], horizonBar = 10) =>
  driftReport({ live, backtest, horizon: at(horizonBar), mark: "100", priceToleranceBps: 5 });

describe("live vs backtest drift", () => {
  it("is in line when the live runner's one reversal order matches the backtest's close-then-open in the same bar", () => {
    const live = [fill(at(1), "BUY", "1", "100", "0.05"), fill(at(4), "SELL", "2", "110", "0.11")];
    const backtest = [fill(at(1), "BUY", "1", "100", "0.05"), fill(at(4), "SELL", "1", "110", "0.055"), fill(at(4), "SELL", "1", "110", "0.055")];
    const drift = report(live, backtest);
    expect(drift.firstDivergence).toBeNull();
    expect(drift.live.orders).toBe(2);
    expect(drift.backtest.orders).toBe(2);
    expect(drift.backtest.fills).toBe(3);
    expect(drift.matched).toBe(2);
    expect(drift.fillDriftBps).toEqual({ mean: 0, max: 0 });
    expect(drift.pnlDrift).toBe("0");
    expect(drift.live.pnl).toBe(drift.backtest.pnl);
  });

  it("names the first bar where only one side traded", () => {
    const live = [fill(at(1), "BUY", "1", "100")];
    const backtest = [fill(at(1), "BUY", "1", "100"), fill(at(3), "SELL", "2", "95")];
    const drift = report(live, backtest);
    expect(drift.firstDivergence).toEqual({ barOpenTime: at(3), reason: "backtest sold 2 at 95; live did not trade" });
    expect(drift.live.orders).toBe(1);
    expect(drift.backtest.orders).toBe(2);
  });

  it("reports a different quantity in the same bar as the divergence, not a later one", () => {
    const drift = report([fill(at(2), "BUY", "0.5", "100"), fill(at(5), "SELL", "9", "90")], [fill(at(2), "BUY", "1", "100")]);
    expect(drift.firstDivergence?.barOpenTime).toBe(at(2));
    expect(drift.firstDivergence?.reason).toBe("live bought 0.5 at 100, backtest bought 1 at 100");
  });

  it("measures fill price drift against the trader in bps and diverges beyond the tolerance", () => {
    const live = [fill(at(1), "BUY", "1", "100.02"), fill(at(3), "SELL", "1", "99")];
    const backtest = [fill(at(1), "BUY", "1", "100"), fill(at(3), "SELL", "1", "100")];
    const drift = report(live, backtest);
    expect(drift.fillDriftBps.max).toBeCloseTo(100, 9);
    expect(drift.fillDriftBps.mean).toBeCloseTo((2 + 100) / 2, 9);
    expect(drift.firstDivergence).toEqual({ barOpenTime: at(3), reason: "live filled at 99, backtest at 100 (100.0 bps)" });
    expect(drift.pnlDrift).toBe("-1.02");
  });

  it("leaves live fills in bars the backtest has not seen yet out of the comparison", () => {
    const drift = report([fill(at(1), "BUY", "1", "100"), fill(at(11), "SELL", "2", "101")], [fill(at(1), "BUY", "1", "100")]);
    expect(drift.firstDivergence).toBeNull();
    expect(drift.pendingLiveFills).toBe(1);
    expect(drift.live.position).toBe("1");
  });
});

describe("P&L of fills", () => {
  it("is cash flows minus fees plus the open position at the mark, exactly", () => {
    const { pnl, position, fees } = fillsPnl([fill(at(0), "BUY", "1", "100", "0.05"), fill(at(1), "SELL", "2", "110", "0.11")], "105");
    expect(position.toFixed()).toBe("-1");
    expect(fees.toFixed()).toBe("0.16");
    expect(pnl.toFixed()).toBe("14.84");
  });
});
