import type { Config } from "@/lib/config";
import type { RiskLimits } from "@/lib/domain/account";

/** Five rejections in a minute look like a runaway client or strategy: reduce until someone looks. */
const REJECT_BURST = { count: 5, windowMs: 60_000 };

/** The live engine's limits before an admin changes any: every check on, from config. */
export function defaultRiskLimits(config: Config): RiskLimits {
  return {
    maxOrderNotional: config.MAX_ORDER_NOTIONAL,
    maxPositionFraction: config.MAX_POSITION_SIZE,
    maxTotalPositionFraction: config.MAX_TOTAL_POSITION_SIZE,
    maxOpenOrdersNotional: config.MAX_OPEN_ORDERS_NOTIONAL,
    priceCollarFraction: config.PRICE_COLLAR,
    duplicateWindowMs: config.DUPLICATE_WINDOW_MS,
    maxOrdersPerMinute: config.MAX_ORDERS_PER_MINUTE,
    maxOrdersPerMinutePerStrategy: config.MAX_ORDERS_PER_MINUTE,
    maxDailyLossFraction: config.MAX_DAILY_LOSS,
    maxDrawdownFraction: config.MAX_DRAWDOWN,
    staleDataMs: config.STALE_DATA_MS,
    rejectBurst: REJECT_BURST,
    flattenOnHalt: config.RISK_FLATTEN_ON_HALT,
  };
}
