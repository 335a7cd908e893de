import { z } from "zod";

/**
 * What a trader asks to run, as the API, the dashboard and the job queue carry it. Validated at the edge; the job
 * turns it into a BacktestConfig. Decimal amounts stay strings so nothing is rounded on the way.
 */
const decimalText = z.string().regex(/^\d+(\.\d+)?$/, "expected a non-negative decimal number");
const fractionBelowOne = decimalText.refine((s) => Number(s) < 1, "must be below 1 (a fraction)");
const period = z.number().int().min(1).max(10_000);
const isoTime = z.iso.datetime({ offset: true });

export const backtestDataSchema = z.discriminatedUnion("source", [
  /** A file uploaded through POST /api/backtests/datasets (freqtrade candles or trades, backtesting.py CSV). */
  z.object({ source: z.literal("dataset"), datasetId: z.uuid() }).strict(),
  /** Bars the engine recorded (the `bars` table). */
  z.object({ source: z.literal("bars"), symbol: z.string().regex(/^[A-Z0-9]{2,20}$/), interval: z.enum(["1m", "5m", "1h"]) }).strict(),
]);

export const smaCrossParamsSchema = z
  .object({ name: z.literal("sma-cross"), fast: period, slow: period })
  .strict()
  .refine((s) => s.fast < s.slow, { message: "fast must be shorter than slow", path: ["fast"] });

export const sizingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all-in-units") }).strict(),
  z.object({ kind: z.literal("fixed"), quantity: decimalText.refine((s) => Number(s) > 0, "must be greater than 0") }).strict(),
  z.object({ kind: z.literal("fraction"), fraction: z.number().gt(0).lte(1) }).strict(),
  /** Lose at most this fraction of equity when the stop-loss is hit (needs exits.stopLossPct). */
  z.object({ kind: z.literal("risk"), fraction: z.number().gt(0).lte(1) }).strict(),
]);

const priceFraction = z.number().gt(0).lt(1);

/** Per-trade exits as fractions of the entry price, sent to the paper broker as resting STOP/LIMIT orders. */
export const exitsSchema = z
  .object({ stopLossPct: priceFraction.optional(), takeProfitPct: priceFraction.optional(), trailingStopPct: priceFraction.optional() })
  .strict();

export const entrySchema = z
  .object({ type: z.enum(["market", "limit", "stop"]), offsetPct: z.number().min(0).lt(1).optional(), validBars: z.number().int().min(1).max(100_000).optional() })
  .strict();

/** The live pre-trade gate's limits, applied to every backtest order. */
export const riskLimitsSchema = z
  .object({ maxOrderNotional: decimalText.optional(), maxPositionFraction: decimalText.refine((s) => Number(s) > 0 && Number(s) <= 1, "must be in (0, 1]").optional() })
  .strict();

const runSettings = {
  name: z.string().trim().max(80).optional(),
  data: backtestDataSchema,
  /** Only bars with open time in [from, to) are used; both optional. */
  period: z.object({ from: isoTime.optional(), to: isoTime.optional() }).strict().default({}),
  cash: decimalText.refine((s) => Number(s) > 0, "must be greater than 0").default("10000"),
  costs: z
    .object({ commission: fractionBelowOne.default("0"), spread: fractionBelowOne.default("0"), slippageBps: decimalText.default("0") })
    .strict()
    .default({ commission: "0", spread: "0", slippageBps: "0" }),
  /** "intrabar" fills each order at the next recorded trade print: it needs a trades dataset. */
  fill: z.enum(["next-open", "close", "intrabar"]).default("next-open"),
  /** Bar length the strategy sees when the data is a trades recording. */
  barInterval: z.enum(["1s", "1m", "5m", "1h"]).default("1m"),
  exclusiveOrders: z.boolean().default(true),
  finalize: z.boolean().default(true),
  sizing: sizingSchema.default({ kind: "all-in-units" }),
  exits: exitsSchema.default({}),
  entry: entrySchema.default({ type: "market" }),
  risk: riskLimitsSchema.default({}),
};

type RunSettings = { sizing: { kind: string }; exits: { stopLossPct?: number } };
const riskSizingNeedsStop = (r: RunSettings) => r.sizing.kind !== "risk" || r.exits.stopLossPct !== undefined;
const riskSizingMessage = { message: "risk sizing needs a stop-loss (exits.stopLossPct)", path: ["sizing"] };

export const backtestRequestSchema = z
  .object({ kind: z.literal("backtest"), ...runSettings, strategy: smaCrossParamsSchema })
  .strict()
  .refine(riskSizingNeedsStop, riskSizingMessage);

export const optimizeRequestSchema = z
  .object({
    kind: z.literal("optimize"),
    ...runSettings,
    strategy: z.literal("sma-cross").default("sma-cross"),
    /** Candidate values per parameter; every fast < slow pair of the grid is tried. */
    grid: z
      .object({ fast: z.array(period).min(1).max(50), slow: z.array(period).min(1).max(50) })
      .strict()
      .refine((g) => g.fast.some((f) => g.slow.some((s) => f < s)), "the grid holds no pair with fast shorter than slow"),
    metric: z.enum(["sharpe", "sortino", "calmar", "return", "sqn", "profitFactor"]).default("sharpe"),
    /** Rolling walk-forward windows, in bars. */
    windows: z.object({ train: z.number().int().min(10), test: z.number().int().min(5), step: z.number().int().min(1).optional() }).strict(),
  })
  .strict()
  .refine(riskSizingNeedsStop, riskSizingMessage)
  .refine((r) => r.fill !== "intrabar", { message: "optimisation runs on bars: choose next-open or close", path: ["fill"] });

export const runRequestSchema = z.discriminatedUnion("kind", [backtestRequestSchema, optimizeRequestSchema]);

export type BacktestRequest = z.infer<typeof backtestRequestSchema>;
export type OptimizeRequest = z.infer<typeof optimizeRequestSchema>;
export type RunRequest = z.infer<typeof runRequestSchema>;
