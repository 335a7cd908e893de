import type { z } from "zod";
import { runRequestSchema, type RunRequest } from "@/lib/backtest/jobs/backtest-request";

export const BAR_SOURCE_INTERVALS = ["1m", "5m", "1h"] as const;
export const OPTIMIZE_METRICS = ["sharpe", "sortino", "calmar", "return", "sqn", "profitFactor"] as const;

/** What the run form holds: text as typed, turned into a request (and validated by the API's schema) on submit. */
export interface RunFormState {
  mode: "backtest" | "optimize";
  name: string;
  dataSource: "dataset" | "bars";
  datasetId: string;
  symbol: string;
  interval: (typeof BAR_SOURCE_INTERVALS)[number];
  fast: string;
  slow: string;
  gridFast: string;
  gridSlow: string;
  metric: (typeof OPTIMIZE_METRICS)[number];
  trainBars: string;
  testBars: string;
  stepBars: string;
  cash: string;
  commission: string;
  spread: string;
  slippageBps: string;
  fill: "next-open" | "close" | "intrabar";
  /** Bar length the strategy sees on a trades recording. */
  barInterval: "1s" | "1m" | "5m" | "1h";
  exclusiveOrders: boolean;
  finalize: boolean;
  sizing: "all-in-units" | "fixed" | "fraction" | "risk";
  quantity: string;
  fraction: string;
  riskFraction: string;
  stopLoss: string;
  takeProfit: string;
  trailingStop: string;
  entryType: "market" | "limit" | "stop";
  entryOffset: string;
  entryValidBars: string;
  maxOrderNotional: string;
  maxPositionFraction: string;
  /** datetime-local text, read as UTC. */
  from: string;
  to: string;
}

export type RunFormField = keyof RunFormState;

export const INITIAL_RUN_FORM: RunFormState = {
  mode: "backtest",
  name: "",
  dataSource: "dataset",
  datasetId: "",
  symbol: "",
  interval: "1m",
  fast: "10",
  slow: "30",
  gridFast: "5, 10, 15",
  gridSlow: "20, 30, 40",
  metric: "sharpe",
  trainBars: "200",
  testBars: "50",
  stepBars: "",
  cash: "10000",
  commission: "0",
  spread: "0",
  slippageBps: "0",
  fill: "next-open",
  barInterval: "1m",
  exclusiveOrders: true,
  finalize: true,
  sizing: "all-in-units",
  quantity: "",
  fraction: "0.5",
  riskFraction: "0.01",
  stopLoss: "",
  takeProfit: "",
  trailingStop: "",
  entryType: "market",
  entryOffset: "",
  entryValidBars: "",
  maxOrderNotional: "",
  maxPositionFraction: "",
  from: "",
  to: "",
};

/** Messages by form field; "form" for what belongs to no single field. */
export type RunFormErrors = Partial<Record<RunFormField | "form", string>>;

export type RunFormResult = { ok: true; request: RunRequest } | { ok: false; errors: RunFormErrors };

function optionalText(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Empty stays undefined so the schema reports "required" rather than a parse of "". */
function numberText(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

/** "5, 10 15" -> [5, 10, 15]. */
export function parseNumberList(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter((part) => part !== "")
    .map(Number);
}

/** A datetime-local value ("2024-01-02T03:04") as an ISO instant in UTC, the zone the data's times are in. */
function utcInstant(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const time = Date.parse(`${trimmed}Z`);
  return Number.isNaN(time) ? trimmed : new Date(time).toISOString();
}

function dataOf(state: RunFormState) {
  return state.dataSource === "dataset"
    ? { source: "dataset" as const, datasetId: state.datasetId }
    : { source: "bars" as const, symbol: state.symbol, interval: state.interval };
}

function sizingOf(state: RunFormState) {
  if (state.sizing === "fixed") return { kind: "fixed" as const, quantity: state.quantity.trim() };
  if (state.sizing === "fraction") return { kind: "fraction" as const, fraction: numberText(state.fraction) };
  if (state.sizing === "risk") return { kind: "risk" as const, fraction: numberText(state.riskFraction) };
  return { kind: "all-in-units" as const };
}

function draftOf(state: RunFormState): unknown {
  const settings = {
    name: optionalText(state.name),
    data: dataOf(state),
    period: { from: utcInstant(state.from), to: utcInstant(state.to) },
    cash: state.cash.trim(),
    costs: { commission: state.commission.trim(), spread: state.spread.trim(), slippageBps: state.slippageBps.trim() },
    fill: state.fill,
    exclusiveOrders: state.exclusiveOrders,
    finalize: state.finalize,
    sizing: sizingOf(state),
    barInterval: state.barInterval,
    exits: { stopLossPct: numberText(state.stopLoss), takeProfitPct: numberText(state.takeProfit), trailingStopPct: numberText(state.trailingStop) },
    entry: { type: state.entryType, offsetPct: numberText(state.entryOffset), validBars: numberText(state.entryValidBars) },
    risk: { maxOrderNotional: optionalText(state.maxOrderNotional), maxPositionFraction: optionalText(state.maxPositionFraction) },
  };
  if (state.mode === "backtest") {
    return { kind: "backtest", ...settings, strategy: { name: "sma-cross", fast: numberText(state.fast), slow: numberText(state.slow) } };
  }
  return {
    kind: "optimize",
    ...settings,
    strategy: "sma-cross",
    grid: { fast: parseNumberList(state.gridFast), slow: parseNumberList(state.gridSlow) },
    metric: state.metric,
    windows: { train: numberText(state.trainBars), test: numberText(state.testBars), step: numberText(state.stepBars) },
  };
}

/** Where an issue of the request schema shows up in the form. */
const FIELD_OF_PATH: Record<string, RunFormField> = {
  name: "name",
  "data.datasetId": "datasetId",
  "data.symbol": "symbol",
  "data.interval": "interval",
  "strategy.fast": "fast",
  "strategy.slow": "slow",
  grid: "gridFast",
  "grid.fast": "gridFast",
  "grid.slow": "gridSlow",
  metric: "metric",
  "windows.train": "trainBars",
  "windows.test": "testBars",
  "windows.step": "stepBars",
  cash: "cash",
  "costs.commission": "commission",
  "costs.spread": "spread",
  "costs.slippageBps": "slippageBps",
  "sizing.quantity": "quantity",
  "sizing.fraction": "fraction",
  sizing: "riskFraction",
  fill: "fill",
  "exits.stopLossPct": "stopLoss",
  "exits.takeProfitPct": "takeProfit",
  "exits.trailingStopPct": "trailingStop",
  "entry.offsetPct": "entryOffset",
  "entry.validBars": "entryValidBars",
  "risk.maxOrderNotional": "maxOrderNotional",
  "risk.maxPositionFraction": "maxPositionFraction",
  "period.from": "from",
  "period.to": "to",
};

function fieldOfIssue(issue: z.core.$ZodIssue, state: RunFormState): RunFormField | "form" {
  // Array items ("grid.fast.2") belong to their list's field.
  const path = issue.path.filter((part) => typeof part === "string").join(".");
  if (path === "sizing.fraction" && state.sizing === "risk") return "riskFraction";
  return FIELD_OF_PATH[path] ?? "form";
}

/** zod's type messages read as a person would put them. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && /received undefined$/.test(issue.message)) return "Required";
  if (issue.code === "invalid_type" && /received NaN$/.test(issue.message)) return "Must be a number";
  return issue.message;
}

/** The form as a request the API accepts, or the first message per field, from the API's own schema. */
export function runRequestFromForm(state: RunFormState): RunFormResult {
  if (state.dataSource === "dataset" && state.datasetId === "") {
    return { ok: false, errors: { datasetId: "Upload a file or choose an uploaded dataset" } };
  }
  const parsed = runRequestSchema.safeParse(draftOf(state));
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: RunFormErrors = {};
  for (const issue of parsed.error.issues) errors[fieldOfIssue(issue, state)] ??= messageOf(issue);
  return { ok: false, errors };
}
