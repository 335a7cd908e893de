"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { EquityPoint } from "@/lib/domain/account";
import { equityQuery } from "@/lib/client/queries";
import { useAccountRoom } from "@/lib/client/use-account-room";
import { useSocketEvent } from "@/lib/client/use-socket";

const MAX_POINTS = 5_000;
/** Account events can arrive on every mark; one point per interval keeps the curve readable. */
const MIN_SPACING_MS = 5_000;

export function appendEquityPoint(points: readonly EquityPoint[], point: EquityPoint): EquityPoint[] {
  const last = points.at(-1);
  if (last && point.ts < last.ts) return [...points];
  const prev = points.at(-2);
  // The newest point moves with the account until it is MIN_SPACING_MS past the one before it.
  const replaceLast = last !== undefined && (last.ts === point.ts || (prev !== undefined && last.ts - prev.ts < MIN_SPACING_MS));
  const next = replaceLast ? points.slice(0, -1) : [...points];
  next.push(point);
  return next.length > MAX_POINTS ? next.slice(next.length - MAX_POINTS) : next;
}

/** Equity history from /api/equity, extended by live `account` events. */
export function useLiveEquity() {
  const queryClient = useQueryClient();
  useAccountRoom();
  useSocketEvent("account", (account) => {
    queryClient.setQueryData(equityQuery().queryKey, (old) =>
      old ? { points: appendEquityPoint(old.points, { ts: account.updatedAt, equity: account.equity }) } : old,
    );
  });
  return useQuery(equityQuery());
}
