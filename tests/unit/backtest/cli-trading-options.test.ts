import { describe, expect, it } from "vitest";
import { CliUsageError, helpText, parseArgs } from "@/lib/backtest/cli/options";
import { runCliBacktest } from "@/lib/backtest/cli/run-cli";
import { ohlc } from "./fixtures";

function options(...args: string[]) {
  const parsed = parseArgs(["--data", "x.csv", ...args]);
  if (parsed.help) throw new Error("unexpected --help");
  return parsed.options;
}

function usageError(...args: string[]): string {
  try {
    parseArgs(["--data", "x.csv", ...args]);
  } catch (error) {
    if (error instanceof CliUsageError) return error.message;
    throw error;
  }
  throw new Error("no usage error");
}

describe("backtest CLI: exits, entries, risk sizing and limits", () => {
  it("turns the options into the engine's exits, entry, sizing, limits and fill mode", () => {
    const o = options("--stop-loss", "0.02", "--take-profit", "0.05", "--trailing-stop", "0.03", "--entry", "limit", "--entry-offset", "0.01", "--entry-valid-bars", "3", "--size-risk", "0.01", "--max-order-notional", "5000", "--max-position-fraction", "0.5", "--fill", "intrabar", "--bar-interval", "5m");
    expect(o.exits).toEqual({ stopLossPct: 0.02, takeProfitPct: 0.05, trailingStopPct: 0.03 });
    expect(o.entry).toEqual({ type: "limit", offsetPct: 0.01, validBars: 3 });
    expect(o.sizing).toEqual({ kind: "risk", fraction: 0.01 });
    expect(o.risk).toEqual({ maxOrderNotional: "5000", maxPositionFraction: "0.5" });
    expect(o.fill).toBe("intrabar");
    expect(o.barInterval).toBe("5m");
    expect(options("--trade-on-close").fill).toBe("close");
    expect(options().fill).toBe("next-open");
  });

  it("names the option in every validation error", () => {
    expect(usageError("--stop-loss", "2")).toBe('--stop-loss: must be below 1 (a fraction) (got "2")');
    expect(usageError("--size-risk", "0.01")).toBe('--size-risk: needs --stop-loss (the loss it sizes for) (got "0.01")');
    expect(usageError("--entry", "iceberg")).toMatch(/^--entry: expected market, limit or stop/);
    expect(usageError("--entry-offset", "0.01")).toMatch(/^--entry-offset: applies to --entry limit or stop only/);
    expect(usageError("--fill", "intrabar", "--trade-on-close")).toMatch(/^--fill: conflicts with --trade-on-close/);
    expect(usageError("--bar-interval", "2m")).toMatch(/^--bar-interval: expected 1s, 1m, 5m or 1h/);
    expect(usageError("--max-order-notional", "-5")).toMatch(/^--max-order-notional: /);
    expect(usageError("--size-risk", "0.01", "--size-quantity", "1", "--stop-loss", "0.02")).toMatch(/choose one of .*--size-risk/);
  });

  it("lists the new options in --help", () => {
    const help = helpText();
    for (const flag of ["--stop-loss", "--take-profit", "--trailing-stop", "--entry TYPE", "--entry-offset", "--size-risk", "--max-order-notional", "--max-position-fraction", "--fill MODE", "--bar-interval"]) {
      expect(help).toContain(flag);
    }
  });

  it("runs the engine with them: a 2 % stop-loss exits a long the CLI way", () => {
    const flat: [number, number, number, number] = [100, 100, 100, 100];
    // fast 2 / slow 3: rising closes make a golden cross on bar 4 (index 3), entry at bar 4's open.
    const bars = ohlc([[100, 100, 100, 100], [99, 99, 99, 99], [98, 98, 98, 98], [101, 101, 101, 101], [102, 102, 96, 97], flat]);
    const result = runCliBacktest(bars, 86_400_000, { ...options("--fast", "2", "--slow", "3", "--stop-loss", "0.02", "--size-quantity", "1", "--tick-size", "0.01"), symbol: "ACME" });
    expect(result.trades.map((t) => [t.entryPrice, t.exitPrice])).toEqual([["102", "99.96"]]);
  });
});
