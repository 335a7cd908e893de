import type { TradingSession } from "@/lib/domain/account";
import { missingInput } from "@/lib/risk/checks/effective-limits";
import type { PreTradeCheck } from "@/lib/risk/pre-trade-context";
import { rejection } from "@/lib/risk/reason-codes";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Whether `now` (UTC ms) is inside the session. `days` are the days a session starts on; a session whose `to` is not
 * after its `from` runs past midnight into the next day ("22:00"-"02:00" on Sunday ends Monday 02:00; from == to is
 * a full 24 hours).
 */
export function isInSession(session: TradingSession, now: number): boolean {
  const day = (Math.floor(now / DAY_MS) + 4) % 7; // 1970-01-01 was a Thursday
  const minute = Math.floor((now % DAY_MS) / MINUTE_MS);
  const from = minutesOf(session.from);
  const to = minutesOf(session.to);
  if (to > from) return session.days.includes(day) && minute >= from && minute < to;
  if (minute >= from) return session.days.includes(day);
  return minute < to && session.days.includes((day + 6) % 7);
}

/** With tradingSessions set, orders are accepted only inside one of them. */
export const tradingSessionCheck: PreTradeCheck = (ctx) => {
  const sessions = ctx.limits.tradingSessions;
  if (sessions === undefined) return null;
  if (ctx.now === undefined) return missingInput("trading sessions", "the clock");
  const now = ctx.now;
  if (sessions.some((session) => isInSession(session, now))) return null;
  return rejection("OUTSIDE_TRADING_SESSION", new Date(now).toISOString());
};
