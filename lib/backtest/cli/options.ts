import { z } from "zod";
import type { BacktestEntry, BacktestExits, BacktestRiskLimits } from "@/lib/backtest/types";
import type { BarInterval } from "@/lib/domain/market-data";

/** Thrown for a bad command line: the CLI prints the message and exits 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}

type OptionKind = "value" | "flag";

/** Options parsed on their own and folded into sizing, entry, exits or risk. */
type RawOnlyKey = "sizeAllIn" | "sizeRisk" | "entryOffset" | "entryValidBars" | "stopLoss" | "takeProfit" | "trailingStop" | "maxOrderNotional" | "maxPositionFraction";

interface OptionSpec {
  /** Flag name without the leading dashes. */
  flag: string;
  /** Key in BacktestCliOptions. */
  key: keyof BacktestCliOptions | RawOnlyKey | "help";
  kind: OptionKind;
  /** Placeholder for --help, value options only. */
  arg?: string;
  /** Default as shown by --help. */
  defaultText: string;
  description: string;
  /** For flags: a --no-<flag> form exists. */
  negatable?: boolean;
}

/** Every option, in --help order. */
export const OPTION_SPECS: readonly OptionSpec[] = [
  { flag: "data", key: "data", kind: "value", arg: "FILE", defaultText: "(required)", description: "bars to test on: freqtrade candles JSON (.json/.json.gz) or backtesting.py CSV; or freqtrade trades (.json/.json.gz) for fill mode intrabar" },
  { flag: "strategy", key: "strategy", kind: "value", arg: "NAME", defaultText: "sma-cross", description: "strategy; only sma-cross (long-short, like backtesting.py's SmaCross) for now" },
  { flag: "fast", key: "fast", kind: "value", arg: "N", defaultText: "10", description: "fast moving-average period (bars)" },
  { flag: "slow", key: "slow", kind: "value", arg: "N", defaultText: "30", description: "slow moving-average period (bars); the first slow-1 bars are warm-up" },
  { flag: "cash", key: "cash", kind: "value", arg: "AMOUNT", defaultText: "10000", description: "initial cash" },
  { flag: "commission", key: "commission", kind: "value", arg: "F", defaultText: "0", description: "fraction of traded value, charged at entry and again at exit (0.002 = 0.2 %)" },
  { flag: "spread", key: "spread", kind: "value", arg: "F", defaultText: "0", description: "fraction added to the entry fill price against the trader" },
  { flag: "slippage-bps", key: "slippageBps", kind: "value", arg: "BPS", defaultText: "0", description: "slippage on every fill, in basis points, against the trader" },
  { flag: "exclusive-orders", key: "exclusiveOrders", kind: "flag", negatable: true, defaultText: "on", description: "a new entry first closes the open trade (--no-exclusive-orders to turn off)" },
  { flag: "finalize", key: "finalize", kind: "flag", negatable: true, defaultText: "on", description: "close open trades on the last bar; --no-finalize leaves them out of the statistics" },
  { flag: "trade-on-close", key: "tradeOnClose", kind: "flag", defaultText: "off", description: "fill at the signal bar's close instead of the next bar's open (fill mode close)" },
  { flag: "fill", key: "fill", kind: "value", arg: "MODE", defaultText: "next-open", description: "next-open | close | intrabar (a trades file: bars built from the prints, orders filled at the next print)" },
  { flag: "bar-interval", key: "barInterval", kind: "value", arg: "I", defaultText: "1m", description: "bar length built from a trades file in fill mode intrabar: 1s, 1m, 5m or 1h" },
  { flag: "entry", key: "entry", kind: "value", arg: "TYPE", defaultText: "market", description: "entry order: market | limit | stop (limit/stop orders rest at the entry offset from the signal close)" },
  { flag: "entry-offset", key: "entryOffset", kind: "value", arg: "F", defaultText: "0", description: "limit/stop entry distance from the signal close, a fraction (buy limits below, buy stops above)" },
  { flag: "entry-valid-bars", key: "entryValidBars", kind: "value", arg: "N", defaultText: "until the next signal", description: "cancel a limit/stop entry not filled within N bars" },
  { flag: "stop-loss", key: "stopLoss", kind: "value", arg: "F", defaultText: "-", description: "stop-loss per trade, a fraction of the entry price (0.02 = 2 %)" },
  { flag: "take-profit", key: "takeProfit", kind: "value", arg: "F", defaultText: "-", description: "take-profit per trade, a fraction of the entry price" },
  { flag: "trailing-stop", key: "trailingStop", kind: "value", arg: "F", defaultText: "-", description: "trailing stop, a fraction under the best high (long) / over the best low (short) of the closed bars" },
  { flag: "max-order-notional", key: "maxOrderNotional", kind: "value", arg: "AMOUNT", defaultText: "no limit", description: "pre-trade gate: refuse orders worth more than this (refusals are counted)" },
  { flag: "max-position-fraction", key: "maxPositionFraction", kind: "value", arg: "F", defaultText: "no limit", description: "pre-trade gate: refuse orders that take the position over this fraction of equity" },
  { flag: "size-all-in", key: "sizeAllIn", kind: "flag", defaultText: "on", description: "sizing: whole lots of all available equity (backtesting.py's default buy())" },
  { flag: "size-fraction", key: "sizeFraction", kind: "value", arg: "F", defaultText: "-", description: "sizing: this fraction (0 < F <= 1) of available equity, floored to the lot size" },
  { flag: "size-quantity", key: "sizeQuantity", kind: "value", arg: "Q", defaultText: "-", description: "sizing: a fixed quantity per entry" },
  { flag: "size-risk", key: "sizeRisk", kind: "value", arg: "F", defaultText: "-", description: "sizing: lose at most this fraction of equity at the stop-loss (needs a stop-loss), capped by the cash" },
  { flag: "symbol", key: "symbol", kind: "value", arg: "SYM", defaultText: "(from the file name)", description: "symbol label for the instrument" },
  { flag: "tick-size", key: "tickSize", kind: "value", arg: "T", defaultText: "(from the data's decimals)", description: "price increment fills are rounded to" },
  { flag: "lot-size", key: "lotSize", kind: "value", arg: "L", defaultText: "1", description: "quantity increment (1 = whole units, as backtesting.py)" },
  { flag: "out", key: "out", kind: "value", arg: "DIR", defaultText: "./backtest-out", description: "directory for trades.csv and equity.csv" },
  { flag: "quiet", key: "quiet", kind: "flag", defaultText: "off", description: "no progress on stderr" },
  { flag: "help", key: "help", kind: "flag", defaultText: "-", description: "show this help" },
];

const decimalText = /^\d+(\.\d+)?$/;
const nonNegativeDecimal = z.string().regex(decimalText, "expected a non-negative decimal number");
const positiveDecimal = nonNegativeDecimal.refine((s) => Number(s) > 0, "must be greater than 0");
const fraction = z.string().regex(decimalText, "expected a decimal number").transform(Number).pipe(z.number().gt(0, "must be greater than 0").lte(1, "must be at most 1"));
const openFraction = z.string().regex(decimalText, "expected a decimal number").transform(Number).pipe(z.number().gt(0, "must be greater than 0").lt(1, "must be below 1 (a fraction)"));
const offsetFraction = z.string().regex(decimalText, "expected a non-negative decimal number").transform(Number).pipe(z.number().lt(1, "must be below 1 (a fraction)"));
const period = z.string().regex(/^\d+$/, "expected a whole number").transform(Number).pipe(z.number().int().min(1, "must be at least 1"));

const schema = z
  .object({
    data: z.string({ error: "is required" }).min(1, "is required"),
    strategy: z.enum(["sma-cross"], { error: "unknown strategy (available: sma-cross)" }).default("sma-cross"),
    fast: period.default(10),
    slow: period.default(30),
    cash: positiveDecimal.default("10000"),
    commission: nonNegativeDecimal.refine((s) => Number(s) < 1, "must be below 1 (a fraction)").default("0"),
    spread: nonNegativeDecimal.refine((s) => Number(s) < 1, "must be below 1 (a fraction)").default("0"),
    slippageBps: nonNegativeDecimal.default("0"),
    exclusiveOrders: z.boolean().default(true),
    finalize: z.boolean().default(true),
    tradeOnClose: z.boolean().default(false),
    fill: z.enum(["next-open", "close", "intrabar"], { error: "expected next-open, close or intrabar" }).optional(),
    barInterval: z.enum(["1s", "1m", "5m", "1h"], { error: "expected 1s, 1m, 5m or 1h" }).default("1m"),
    entry: z.enum(["market", "limit", "stop"], { error: "expected market, limit or stop" }).default("market"),
    entryOffset: offsetFraction.optional(),
    entryValidBars: period.optional(),
    stopLoss: openFraction.optional(),
    takeProfit: openFraction.optional(),
    trailingStop: openFraction.optional(),
    maxOrderNotional: positiveDecimal.optional(),
    maxPositionFraction: positiveDecimal.optional(),
    sizeAllIn: z.boolean().optional(),
    sizeFraction: fraction.optional(),
    sizeQuantity: positiveDecimal.optional(),
    sizeRisk: openFraction.optional(),
    symbol: z.string().regex(/^[A-Za-z0-9._/-]+$/, "letters, digits and . _ / - only").optional(),
    tickSize: positiveDecimal.optional(),
    lotSize: positiveDecimal.default("1"),
    out: z.string().min(1, "must not be empty").default("./backtest-out"),
    quiet: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.fast >= o.slow) ctx.addIssue({ code: "custom", path: ["fast"], message: `must be shorter than --slow (${o.fast} >= ${o.slow})` });
    const sizings = [o.sizeAllIn === true, o.sizeFraction !== undefined, o.sizeQuantity !== undefined, o.sizeRisk !== undefined].filter(Boolean).length;
    if (sizings > 1) ctx.addIssue({ code: "custom", path: ["sizeQuantity"], message: "choose one of --size-all-in, --size-fraction, --size-quantity, --size-risk" });
    if (o.sizeRisk !== undefined && o.stopLoss === undefined) ctx.addIssue({ code: "custom", path: ["sizeRisk"], message: "needs --stop-loss (the loss it sizes for)" });
    if (o.tradeOnClose && o.fill !== undefined && o.fill !== "close") ctx.addIssue({ code: "custom", path: ["fill"], message: "conflicts with --trade-on-close" });
    if (o.entry === "market" && o.entryOffset !== undefined) ctx.addIssue({ code: "custom", path: ["entryOffset"], message: "applies to --entry limit or stop only" });
    if (o.entry === "market" && o.entryValidBars !== undefined) ctx.addIssue({ code: "custom", path: ["entryValidBars"], message: "applies to --entry limit or stop only" });
  });

export type Sizing = { kind: "all-in-units" } | { kind: "fraction"; fraction: number } | { kind: "fixed"; quantity: string } | { kind: "risk"; fraction: number };

export interface BacktestCliOptions {
  data: string;
  strategy: "sma-cross";
  fast: number;
  slow: number;
  cash: string;
  commission: string;
  spread: string;
  slippageBps: string;
  exclusiveOrders: boolean;
  finalize: boolean;
  tradeOnClose: boolean;
  /** Resolved fill mode (--trade-on-close is --fill close). */
  fill: "next-open" | "close" | "intrabar";
  barInterval: BarInterval;
  entry: BacktestEntry;
  exits: BacktestExits;
  risk: BacktestRiskLimits;
  sizing: Sizing;
  sizeFraction?: number;
  sizeQuantity?: string;
  symbol?: string;
  tickSize?: string;
  lotSize: string;
  out: string;
  quiet: boolean;
}

export type ParsedArgs = { help: true } | { help: false; options: BacktestCliOptions };

const byFlag = new Map(OPTION_SPECS.map((s) => [s.flag, s]));
const byKey = new Map<string, OptionSpec>(OPTION_SPECS.map((s) => [s.key, s]));

/** Parses argv (without node and the script): `--name value`, `--name=value`, flags and `--no-<flag>`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith("--")) throw new CliUsageError(`unexpected argument "${token}" (options start with --; see --help)`);
    const eq = token.indexOf("=");
    let name = eq === -1 ? token.slice(2) : token.slice(2, eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    let negated = false;
    if (!byFlag.has(name) && name.startsWith("no-") && byFlag.get(name.slice(3))?.negatable) {
      name = name.slice(3);
      negated = true;
    }
    const spec = byFlag.get(name);
    if (spec === undefined) throw new CliUsageError(`unknown option --${name} (see --help)`);
    if (spec.key === "help") return { help: true };
    if (spec.key in raw) throw new CliUsageError(`--${spec.flag} given more than once`);
    if (spec.kind === "flag") {
      if (inline !== undefined) throw new CliUsageError(`--${spec.flag} takes no value`);
      raw[spec.key] = !negated;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new CliUsageError(`--${spec.flag} needs a value (${spec.arg})`);
    raw[spec.key] = value;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const spec = byKey.get(String(issue.path[0]));
    const flag = spec ? `--${spec.flag}` : "arguments";
    const given = spec && typeof raw[spec.key] === "string" ? ` (got "${String(raw[spec.key])}")` : "";
    const message = spec?.key === "data" && raw.data === undefined ? "is required" : issue.message;
    throw new CliUsageError(`${flag}: ${message}${given}`);
  }
  return { help: false, options: toOptions(result.data) };
}

function toOptions(o: z.infer<typeof schema>): BacktestCliOptions {
  const sizing: Sizing =
    o.sizeFraction !== undefined ? { kind: "fraction", fraction: o.sizeFraction }
    : o.sizeQuantity !== undefined ? { kind: "fixed", quantity: o.sizeQuantity }
    : o.sizeRisk !== undefined ? { kind: "risk", fraction: o.sizeRisk }
    : { kind: "all-in-units" };
  const { sizeAllIn: _a, sizeRisk: _r, entryOffset, entryValidBars, stopLoss, takeProfit, trailingStop, maxOrderNotional, maxPositionFraction, ...rest } = o;
  void _a;
  void _r;
  const entry: BacktestEntry = { type: o.entry };
  if (entryOffset !== undefined) entry.offsetPct = entryOffset;
  if (entryValidBars !== undefined) entry.validBars = entryValidBars;
  const exits: BacktestExits = {};
  if (stopLoss !== undefined) exits.stopLossPct = stopLoss;
  if (takeProfit !== undefined) exits.takeProfitPct = takeProfit;
  if (trailingStop !== undefined) exits.trailingStopPct = trailingStop;
  const risk: BacktestRiskLimits = {};
  if (maxOrderNotional !== undefined) risk.maxOrderNotional = maxOrderNotional;
  if (maxPositionFraction !== undefined) risk.maxPositionFraction = maxPositionFraction;
  return { ...rest, fill: o.fill ?? (o.tradeOnClose ? "close" : "next-open"), entry, exits, risk, sizing };
}

/** --help text: every option with its default. */
export function helpText(): string {
  const left = OPTION_SPECS.map((s) => (s.kind === "value" ? `--${s.flag} ${s.arg}` : s.negatable ? `--[no-]${s.flag}` : `--${s.flag}`));
  const width = Math.max(...left.map((l) => l.length));
  const lines = OPTION_SPECS.map((s, i) => `  ${left[i].padEnd(width)}  ${s.description} [default: ${s.defaultText}]`);
  return [
    "Usage: npm run backtest -- --data FILE [--strategy sma-cross] [--fast 10] [--slow 30] [options]",
    "",
    "Runs a strategy over recorded bars with the live engine components, prints backtesting.py-style statistics",
    "and writes trades.csv and equity.csv. Exit 0 on success, 2 on bad arguments, 1 when the data cannot be used.",
    "",
    "Options:",
    ...lines,
    "",
  ].join("\n");
}
