"use client";

import { useQuery } from "@tanstack/react-query";
import { dayCandlesQuery } from "@/lib/client/queries";
import { useLivePrice } from "@/lib/client/use-live-price";

export type ReferenceKind = "24h" | "since load";

export interface PriceChange {
  last: number | null;
  reference: number | null;
  /** Which reference the change is measured against. */
  referenceKind: ReferenceKind;
  /** Fraction, e.g. 0.012 for +1.2%. Market data is float; this is display only. */
  change: number | null;
  lastTickAt: number | null;
}

/**
 * Last price and its change against the first price of the last 24h of hourly candles,
 * or against the first tick seen since load when there are no candles yet.
 */
export function usePriceChange(symbol: string): PriceChange {
  const live = useLivePrice(symbol);
  const { data } = useQuery(dayCandlesQuery(symbol));
  const candles = data?.candles ?? [];
  const firstCandle = candles[0];
  const lastCandle = candles.at(-1);

  const referenceKind: ReferenceKind = firstCandle ? "24h" : "since load";
  const reference = firstCandle ? firstCandle.open : (live?.firstPrice ?? null);
  const last = live?.price ?? lastCandle?.close ?? null;
  const change = last !== null && reference !== null && reference !== 0 ? (last - reference) / reference : null;

  return { last, reference, referenceKind, change, lastTickAt: live?.ts ?? null };
}
