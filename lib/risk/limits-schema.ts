import { z } from "zod";
import type { RiskLimits } from "@/lib/domain/account";

const decimal = z.string().regex(/^\d{1,20}(\.\d{1,18})?$/, "a non-negative decimal number like 0.01");
const fraction = decimal.refine((v) => Number(v) <= 1, "a fraction between 0 and 1");
const positiveInt = z.number().int().positive();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM in UTC");
const symbol = z.string().regex(/^[A-Z0-9]{2,20}$/, "upper-case symbol like BTCUSDT");

const session = z.object({ days: z.array(z.number().int().min(0).max(6)).min(1), from: hhmm, to: hhmm }).strict();
const symbolLimits = z.object({ maxOrderQuantity: decimal.optional(), maxOrderNotional: decimal.optional(), maxPositionFraction: fraction.optional() }).strict();
const protections = z.object({
  stoplossGuard: z.object({ count: positiveInt, windowMs: positiveInt, pauseMs: positiveInt }).strict().optional(),
  cooldownAfterExitMs: z.number().int().nonnegative().optional(),
  lowProfit: z.object({ windowMs: positiveInt, minProfitFraction: z.string().regex(/^-?\d{1,20}(\.\d{1,18})?$/), pauseMs: positiveInt }).strict().optional(),
}).strict();

/** Every limit, validated where it enters: the API, stored rows, config defaults. */
export const riskLimitsSchema = z.object({
  maxOrderNotional: decimal,
  maxPositionFraction: fraction,
  maxOrderQuantity: decimal.optional(),
  maxTotalPositionFraction: decimal.optional(),
  maxOpenOrdersNotional: decimal.optional(),
  priceCollarFraction: fraction.optional(),
  duplicateWindowMs: z.number().int().nonnegative().optional(),
  maxOrdersPerMinute: positiveInt.optional(),
  maxOrdersPerMinutePerStrategy: positiveInt.optional(),
  allowedSymbols: z.array(symbol).optional(),
  tradingSessions: z.array(session).optional(),
  perSymbol: z.record(symbol, symbolLimits).optional(),
  maxDailyLossFraction: fraction.optional(),
  maxDrawdownFraction: fraction.optional(),
  staleDataMs: positiveInt.optional(),
  rejectBurst: z.object({ count: positiveInt, windowMs: positiveInt }).strict().optional(),
  flattenOnHalt: z.boolean().optional(),
  protections: protections.optional(),
}).strict() satisfies z.ZodType<RiskLimits>;

export type RiskLimitsPatch = { [K in keyof RiskLimits]?: RiskLimits[K] | null };

const REQUIRED = new Set(["maxOrderNotional", "maxPositionFraction"]);

/** What an admin sends to change limits: any subset; `null` removes an optional limit. */
export const riskLimitsPatchSchema = z.object(
  Object.fromEntries(Object.entries(riskLimitsSchema.shape).map(([key, type]) =>
    [key, REQUIRED.has(key) ? type.optional() : (type as z.ZodOptional<z.ZodType>).unwrap().nullable().optional()])),
).strict() as unknown as z.ZodType<RiskLimitsPatch>;

/** The stored limits with a patch applied; the result is validated whole, so a patch cannot leave them inconsistent. */
export function applyLimitsPatch(current: RiskLimits, patch: RiskLimitsPatch): RiskLimits {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return riskLimitsSchema.parse(merged);
}
