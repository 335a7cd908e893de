import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EQUITY_HEADER, TRADES_HEADER } from "@/lib/backtest/cli/csv";
import { inferTickSize, symbolFromFile } from "@/lib/backtest/cli/run-cli";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SCRIPT = path.join(ROOT, "scripts", "backtest.ts");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const BARS = 120;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [SCRIPT, ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A backtesting.py-format CSV: daily bars on a sine wave, so a 3/8 SMA cross trades several times. */
function csv(): string {
  const lines = [",Open,High,Low,Close,Volume"];
  const t0 = Date.UTC(2020, 0, 1);
  for (let i = 0; i < BARS; i++) {
    const close = 100 + 10 * Math.sin(i / 6);
    const open = 100 + 10 * Math.sin((i - 0.5) / 6);
    const day = new Date(t0 + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${open.toFixed(2)},${(Math.max(open, close) + 1).toFixed(2)},${(Math.min(open, close) - 1).toFixed(2)},${close.toFixed(2)},1000`);
  }
  return `${lines.join("\n")}\n`;
}

let dir = "";
let data = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "backtest-cli-"));
  data = path.join(dir, "WAVE.csv");
  await writeFile(data, csv());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("scripts/backtest.ts end to end", () => {
  it("prints the statistics table and writes trades.csv and equity.csv", async () => {
    const out = path.join(dir, "out");
    const run = await cli(["--data", data, "--strategy", "sma-cross", "--fast", "3", "--slow", "8", "--commission", "0.001", "--out", out]);
    expect(run.stderr).toContain("100%");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("WAVE: sma-cross fast=3 slow=8");
    const table = run.stdout.split("\n").filter((l) => /^(# Trades|Equity Final \[\$\]|Start|SQN)\s/.test(l));
    expect(table).toHaveLength(4);
    // Aligned: every value ends in the same column.
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    const trades = Number(/^# Trades\s+(\d+)$/m.exec(run.stdout)?.[1]);
    expect(trades).toBeGreaterThan(2);
    expect(run.stdout).toMatch(/^Equity Final \[\$\]\s+\d+(\.\d+)?$/m);

    const tradesCsv = (await readFile(path.join(out, "trades.csv"), "utf8")).trimEnd().split("\n");
    const equityCsv = (await readFile(path.join(out, "equity.csv"), "utf8")).trimEnd().split("\n");
    expect(tradesCsv[0]).toBe(TRADES_HEADER.join(","));
    expect(tradesCsv).toHaveLength(trades + 1);
    expect(equityCsv[0]).toBe(EQUITY_HEADER.join(","));
    expect(equityCsv).toHaveLength(BARS + 1);
    expect(equityCsv[1]).toBe("2020-01-01 00:00:00,10000,0");
  }, 40_000);

  it("exit 2 with the option named on a bad value, 0 with --help", async () => {
    const bad = await cli(["--data", data, "--cash", "lots"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cash: expected a non-negative decimal number (got "lots")');
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--slippage-bps BPS");
  }, 40_000);

  it("exit 1 on a missing file, a malformed file or a trades recording", async () => {
    const missing = await cli(["--data", path.join(dir, "nope.csv"), "--out", path.join(dir, "o1")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv/);
    const junk = path.join(dir, "junk.csv");
    await writeFile(junk, "hello\nworld\n");
    const malformed = await cli(["--data", junk, "--out", path.join(dir, "o2")]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/junk\.csv: unrecognised format/);
    const tradesFile = path.join(dir, "X-trades.json");
    await writeFile(tradesFile, JSON.stringify([[1_570_752_011_620, "13519807", null, "sell", 0.00141342, 23.0, 0.03250866]]));
    const trades = await cli(["--data", tradesFile, "--out", path.join(dir, "o3")]);
    expect(trades.code).toBe(1);
    expect(trades.stderr).toMatch(/trades recording.*bars only/);
    expect(existsSync(path.join(dir, "o3"))).toBe(false);
  }, 60_000);
});

describe("CLI helpers", () => {
  it("symbolFromFile", () => {
    expect(symbolFromFile("/data/GOOG.csv")).toBe("GOOG");
    expect(symbolFromFile("UNITTEST_BTC-1m.json")).toBe("UNITTEST_BTC");
    expect(symbolFromFile("XRP_ETH-trades.json.gz")).toBe("XRP_ETH");
  });

  it("inferTickSize", () => {
    const bar = (p: number) => ({ openTime: 0, open: p, high: p, low: p, close: p, volume: 1 });
    expect(inferTickSize([bar(100), bar(101)])).toBe("1");
    expect(inferTickSize([bar(100.5), bar(100.25)])).toBe("0.01");
    expect(inferTickSize([bar(0.00162008)])).toBe("0.00000001");
  });
});
