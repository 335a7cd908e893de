import { z } from "zod";
import { LIVE_VENUES } from "@/lib/config";

const ORDER_VENUES = ["paper", ...LIVE_VENUES] as const;
import { riskLimitsPatchSchema } from "@/lib/risk/limits-schema";

/** Commands the web sends to the engine over the bus; the engine validates them again on arrival. */
export const COMMANDS = {
  submitOrder: "orders.submit",
  cancelOrder: "orders.cancel",
  amendOrder: "orders.amend",
  killSwitch: "risk.kill-switch",
  setRiskLimits: "risk.set-limits",
  rearm: "risk.rearm",
  venues: "venues.status",
  reconcileVenue: "venues.reconcile",
  resolveMismatch: "venues.resolve-mismatch",
  reloadVenueKeys: "venues.reload-keys",
} as const;

const decimal = z.string().regex(/^\d{1,20}(\.\d{1,18})?$/, "must be a positive decimal number like 0.01");
const positiveDecimal = decimal.refine((v) => Number(v) > 0, "must be greater than 0");

export const clientOrderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,36}$/, "1-36 letters, digits, '-' or '_'");

/** What a person or program may ask for; unknown fields are refused. */
export const orderRequestSchema = z
  .object({
    clientOrderId: clientOrderIdSchema.optional(),
    symbol: z.string().regex(/^[A-Z0-9]{2,20}$/, "upper-case symbol like BTCUSDT"),
    side: z.enum(["BUY", "SELL"]),
    type: z.enum(["MARKET", "LIMIT", "STOP"]),
    quantity: positiveDecimal,
    price: positiveDecimal.optional(),
    timeInForce: z.enum(["GTC", "IOC"]).default("GTC"),
    /** The venue the sender expects: refused (VENUE_MISMATCH) when the symbol's orders go elsewhere in this configuration. */
    venue: z.enum(ORDER_VENUES).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.type !== "MARKET" && !o.price) ctx.addIssue({ code: "custom", path: ["price"], message: `required for ${o.type} orders` });
    if (o.type === "MARKET" && o.price) ctx.addIssue({ code: "custom", path: ["price"], message: "not allowed for MARKET orders" });
  });

export type OrderRequest = z.infer<typeof orderRequestSchema>;

export const submitOrderCommandSchema = z.object({
  clientOrderId: clientOrderIdSchema,
  accountId: z.string(),
  symbol: z.string(),
  side: z.enum(["BUY", "SELL"]),
  type: z.enum(["MARKET", "LIMIT", "STOP"]),
  quantity: positiveDecimal,
  price: positiveDecimal.optional(),
  timeInForce: z.enum(["GTC", "IOC"]),
  source: z.enum(["dashboard", "api", "strategy", "backtest"]),
  actor: z.string(),
  venue: z.enum(ORDER_VENUES).optional(),
});
export type SubmitOrderCommand = z.infer<typeof submitOrderCommandSchema>;

export const cancelOrderCommandSchema = z.object({ accountId: z.string(), orderId: z.string().uuid(), actor: z.string() });
export type CancelOrderCommand = z.infer<typeof cancelOrderCommandSchema>;

/** A new total quantity and/or a new limit or stop price for an open order; unknown fields are refused. */
export const amendOrderRequestSchema = z
  .object({ quantity: positiveDecimal.optional(), price: positiveDecimal.optional() })
  .strict()
  .refine((o) => o.quantity !== undefined || o.price !== undefined, { message: "give a new quantity, a new price or both" });
export type AmendOrderRequest = z.infer<typeof amendOrderRequestSchema>;

export const amendOrderCommandSchema = z
  .object({ accountId: z.string(), orderId: z.string().uuid(), quantity: positiveDecimal.optional(), price: positiveDecimal.optional(), actor: z.string() })
  .refine((o) => o.quantity !== undefined || o.price !== undefined, { message: "give a new quantity, a new price or both" });
export type AmendOrderCommand = z.infer<typeof amendOrderCommandSchema>;

export const killSwitchCommandSchema = z.object({ accountId: z.string(), engaged: z.boolean(), actor: z.string() });
export type KillSwitchCommand = z.infer<typeof killSwitchCommandSchema>;

/** An admin's change of limits (any subset, null removes an optional one); the engine validates the result whole. */
export const setRiskLimitsCommandSchema = z.object({ accountId: z.string(), patch: riskLimitsPatchSchema, actor: z.string() });
export type SetRiskLimitsCommand = z.infer<typeof setRiskLimitsCommandSchema>;

/** HALTED or REDUCING back to ACTIVE: the web sends it only for an admin who re-entered their password. */
export const rearmCommandSchema = z.object({ accountId: z.string(), actor: z.string().min(1) });
export type RearmCommand = z.infer<typeof rearmCommandSchema>;

export const venuesCommandSchema = z.object({ accountId: z.string() });

/** Compare a live venue's books with ours now (every live venue when none is named). */
export const reconcileVenueCommandSchema = z.object({ accountId: z.string(), venue: z.enum(LIVE_VENUES).optional() });

/** A trader's answer to one reconciliation mismatch (adopt the venue's view, or cancel the venue's order). */
export const resolveMismatchCommandSchema = z.object({
  accountId: z.string(), venue: z.enum(LIVE_VENUES), mismatchId: z.string().min(1).max(200), action: z.enum(["adopt", "cancel"]), actor: z.string().min(1),
});
export type ResolveMismatchCommand = z.infer<typeof resolveMismatchCommandSchema>;
