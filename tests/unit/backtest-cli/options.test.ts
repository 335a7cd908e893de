import { describe, expect, it } from "vitest";
import { CliUsageError, helpText, OPTION_SPECS, parseArgs, type BacktestCliOptions } from "@/lib/backtest/cli/options";

function options(...argv: string[]): BacktestCliOptions {
  const parsed = parseArgs(["--data", "bars.csv", ...argv]);
  if (parsed.help) throw new Error("unexpected --help");
  return parsed.options;
}

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${argv.join(" ")}`);
}

describe("backtest CLI arguments", () => {
  it("defaults", () => {
    expect(options()).toEqual({
      data: "bars.csv",
      strategy: "sma-cross",
      fast: 10,
      slow: 30,
      cash: "10000",
      commission: "0",
      spread: "0",
      slippageBps: "0",
      exclusiveOrders: true,
      finalize: true,
      tradeOnClose: false,
      fill: "next-open",
      barInterval: "1m",
      entry: { type: "market" },
      exits: {},
      risk: {},
      sizing: { kind: "all-in-units" },
      lotSize: "1",
      out: "./backtest-out",
      quiet: false,
    });
  });

  it("each option", () => {
    const o = options(
      "--strategy", "sma-cross", "--fast", "5", "--slow=20", "--cash", "2500.5", "--commission", "0.002", "--spread", "0.001",
      "--slippage-bps", "3", "--no-exclusive-orders", "--no-finalize", "--trade-on-close", "--symbol", "GOOG", "--tick-size", "0.01",
      "--lot-size", "0.1", "--out", "/tmp/x", "--quiet",
    );
    expect(o).toMatchObject({
      fast: 5, slow: 20, cash: "2500.5", commission: "0.002", spread: "0.001", slippageBps: "3", exclusiveOrders: false, finalize: false,
      tradeOnClose: true, symbol: "GOOG", tickSize: "0.01", lotSize: "0.1", out: "/tmp/x", quiet: true, sizing: { kind: "all-in-units" },
    });
    expect(options("--exclusive-orders", "--finalize")).toMatchObject({ exclusiveOrders: true, finalize: true });
    expect(options("--size-all-in").sizing).toEqual({ kind: "all-in-units" });
    expect(options("--size-fraction", "0.5").sizing).toEqual({ kind: "fraction", fraction: 0.5 });
    expect(options("--size-quantity", "3").sizing).toEqual({ kind: "fixed", quantity: "3" });
  });

  it.each([
    [["--cash", "abc"], /^--cash: .*\(got "abc"\)/],
    [["--cash", "0"], /^--cash: must be greater than 0/],
    [["--commission", "-0.1"], /^--commission: /],
    [["--commission", "1.5"], /^--commission: must be below 1/],
    [["--spread", "x"], /^--spread: /],
    [["--slippage-bps", "ten"], /^--slippage-bps: /],
    [["--fast", "2.5"], /^--fast: expected a whole number/],
    [["--slow", "0"], /^--slow: must be at least 1/],
    [["--fast", "30", "--slow", "10"], /^--fast: must be shorter than --slow/],
    [["--size-fraction", "1.5"], /^--size-fraction: must be at most 1/],
    [["--size-quantity", "0"], /^--size-quantity: /],
    [["--size-fraction", "0.5", "--size-quantity", "2"], /^--size-quantity: choose one of/],
    [["--strategy", "rsi"], /^--strategy: unknown strategy/],
    [["--tick-size", "-1"], /^--tick-size: /],
  ])("a bad value names the option: %j", (argv, message) => {
    expect(usageError(["--data", "bars.csv", ...argv])).toMatch(message);
  });

  it("malformed command lines", () => {
    expect(usageError([])).toBe("--data: is required");
    expect(usageError(["--data"])).toMatch(/^--data needs a value/);
    expect(usageError(["--data", "a", "--bogus", "1"])).toMatch(/unknown option --bogus/);
    expect(usageError(["--data", "a", "stray"])).toMatch(/unexpected argument "stray"/);
    expect(usageError(["--data", "a", "--cash", "1", "--cash", "2"])).toMatch(/--cash given more than once/);
    expect(usageError(["--data", "a", "--finalize=yes"])).toMatch(/--finalize takes no value/);
    expect(usageError(["--data", "a", "--no-cash"])).toMatch(/unknown option --no-cash/);
  });

  it("--help wins and lists every option with its default", () => {
    expect(parseArgs(["--cash", "bad", "--help"])).toEqual({ help: true });
    const text = helpText();
    for (const spec of OPTION_SPECS) {
      const line = text.split("\n").find((l) => l.trimStart().startsWith("--") && l.includes(`-${spec.flag} `));
      expect(line, spec.flag).toBeDefined();
      expect(line).toContain(`[default: ${spec.defaultText}]`);
    }
    expect(text).toMatch(/--cash AMOUNT .*\[default: 10000\]/);
    expect(text).toMatch(/--out DIR .*\[default: \.\/backtest-out\]/);
    expect(text).toMatch(/--\[no-\]exclusive-orders/);
    expect(text).toMatch(/--\[no-\]finalize/);
  });
});
