import { z } from "zod";

/** Thrown for a bad command line: the CLI prints the message and exits 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}

type OptionKind = "value" | "flag";

interface OptionSpec {
  /** Flag name without the leading dashes. */
  flag: string;
  /** Key in BacktestCliOptions. */
  key: keyof BacktestCliOptions | "sizeAllIn" | "help";
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
  { flag: "data", key: "data", kind: "value", arg: "FILE", defaultText: "(required)", description: "bars to test on: freqtrade candles JSON (.json/.json.gz) or backtesting.py CSV" },
  { flag: "strategy", key: "strategy", kind: "value", arg: "NAME", defaultText: "sma-cross", description: "strategy; only sma-cross (long-short, like backtesting.py's SmaCross) for now" },
  { flag: "fast", key: "fast", kind: "value", arg: "N", defaultText: "10", description: "fast moving-average period (bars)" },
  { flag: "slow", key: "slow", kind: "value", arg: "N", defaultText: "30", description: "slow moving-average period (bars); the first slow-1 bars are warm-up" },
  { flag: "cash", key: "cash", kind: "value", arg: "AMOUNT", defaultText: "10000", description: "initial cash" },
  { flag: "commission", key: "commission", kind: "value", arg: "F", defaultText: "0", description: "fraction of traded value, charged at entry and again at exit (0.002 = 0.2 %)" },
  { flag: "spread", key: "spread", kind: "value", arg: "F", defaultText: "0", description: "fraction added to the entry fill price against the trader" },
  { flag: "slippage-bps", key: "slippageBps", kind: "value", arg: "BPS", defaultText: "0", description: "slippage on every fill, in basis points, against the trader" },
  { flag: "exclusive-orders", key: "exclusiveOrders", kind: "flag", negatable: true, defaultText: "on", description: "a new entry first closes the open trade (--no-exclusive-orders to turn off)" },
  { flag: "finalize", key: "finalize", kind: "flag", negatable: true, defaultText: "on", description: "close open trades on the last bar; --no-finalize leaves them out of the statistics" },
  { flag: "trade-on-close", key: "tradeOnClose", kind: "flag", defaultText: "off", description: "fill at the signal bar's close instead of the next bar's open" },
  { flag: "size-all-in", key: "sizeAllIn", kind: "flag", defaultText: "on", description: "sizing: whole lots of all available equity (backtesting.py's default buy())" },
  { flag: "size-fraction", key: "sizeFraction", kind: "value", arg: "F", defaultText: "-", description: "sizing: this fraction (0 < F <= 1) of available equity, floored to the lot size" },
  { flag: "size-quantity", key: "sizeQuantity", kind: "value", arg: "Q", defaultText: "-", description: "sizing: a fixed quantity per entry" },
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
    sizeAllIn: z.boolean().optional(),
    sizeFraction: fraction.optional(),
    sizeQuantity: positiveDecimal.optional(),
    symbol: z.string().regex(/^[A-Za-z0-9._/-]+$/, "letters, digits and . _ / - only").optional(),
    tickSize: positiveDecimal.optional(),
    lotSize: positiveDecimal.default("1"),
    out: z.string().min(1, "must not be empty").default("./backtest-out"),
    quiet: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.fast >= o.slow) ctx.addIssue({ code: "custom", path: ["fast"], message: `must be shorter than --slow (${o.fast} >= ${o.slow})` });
    const sizings = [o.sizeAllIn === true, o.sizeFraction !== undefined, o.sizeQuantity !== undefined].filter(Boolean).length;
    if (sizings > 1) ctx.addIssue({ code: "custom", path: ["sizeQuantity"], message: "choose one of --size-all-in, --size-fraction, --size-quantity" });
  });

export type Sizing = { kind: "all-in-units" } | { kind: "fraction"; fraction: number } | { kind: "fixed"; quantity: string };

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
  const o = result.data;
  const sizing: Sizing =
    o.sizeFraction !== undefined ? { kind: "fraction", fraction: o.sizeFraction } : o.sizeQuantity !== undefined ? { kind: "fixed", quantity: o.sizeQuantity } : { kind: "all-in-units" };
  const { sizeAllIn: _ignored, ...rest } = o;
  void _ignored;
  return { help: false, options: { ...rest, sizing } };
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
