import { BAR_INTERVALS, INTERVAL_MS, type BarInterval } from "@/lib/domain/market-data";
import type { BacktestConfig } from "@/lib/backtest/types";

/** Thrown for a backtest configuration that cannot run; the message names the setting. */
export class BacktestConfigError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "BacktestConfigError";
  }
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new BacktestConfigError(message);
}

const isFraction = (v: number | undefined) => v === undefined || (Number.isFinite(v) && v > 0 && v < 1);

/** Checks the settings that combine (exits, entries, sizing, data) before anything runs. */
export function checkBacktestConfig(config: BacktestConfig): void {
  const hasBars = config.bars !== undefined;
  const hasTrades = config.trades !== undefined;
  check(hasBars !== hasTrades, "backtest: give either bars or trades, not both or neither");
  if (hasTrades) check(config.fill === undefined || config.fill === "intrabar", `fill: "${config.fill}" needs bars; recorded trades run with fill "intrabar"`);
  else check(config.fill !== "intrabar", 'fill: "intrabar" needs recorded trades (config.trades)');
  const { exits = {}, entry, sizing } = config;
  check(isFraction(exits.stopLossPct), `exits.stopLossPct must be a fraction in (0, 1): ${exits.stopLossPct}`);
  check(isFraction(exits.takeProfitPct), `exits.takeProfitPct must be a fraction in (0, 1): ${exits.takeProfitPct}`);
  check(isFraction(exits.trailingStopPct), `exits.trailingStopPct must be a fraction in (0, 1): ${exits.trailingStopPct}`);
  if (entry !== undefined) {
    const offset = entry.offsetPct ?? 0;
    check(Number.isFinite(offset) && offset >= 0 && offset < 1, `entry.offsetPct must be in [0, 1): ${entry.offsetPct}`);
    check(entry.validBars === undefined || (Number.isInteger(entry.validBars) && entry.validBars >= 1), `entry.validBars must be a whole number >= 1: ${entry.validBars}`);
  }
  if (sizing?.kind === "risk") {
    check(exits.stopLossPct !== undefined, "sizing risk: needs exits.stopLossPct (the loss it sizes for)");
    check(isFraction(sizing.fraction), `sizing risk: fraction must be in (0, 1): ${sizing.fraction}`);
  }
  if (sizing?.kind === "fraction") check(sizing.fraction > 0 && sizing.fraction <= 1, `sizing fraction must be in (0, 1]: ${sizing.fraction}`);
  if (sizing?.kind === "target") check((entry?.type ?? "market") === "market", "sizing target: trades market orders only (entry type must be market)");
}

/** The live aggregator's interval for recorded trades: from barIntervalMs, else config.interval. */
export function tradeBarInterval(config: BacktestConfig): BarInterval {
  if (config.barIntervalMs !== undefined) {
    const match = BAR_INTERVALS.find((i) => INTERVAL_MS[i] === config.barIntervalMs);
    check(match !== undefined, `barIntervalMs must be one of ${BAR_INTERVALS.map((i) => `${INTERVAL_MS[i]} (${i})`).join(", ")}: ${config.barIntervalMs}`);
    return match as BarInterval;
  }
  check(config.interval !== undefined, "trades need barIntervalMs (or interval) to build bars");
  return config.interval as BarInterval;
}
