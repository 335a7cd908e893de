"use client";

import { useQuery } from "@tanstack/react-query";
import { DEFAULT_INSTRUMENTS, priceDecimals, type Instrument } from "@/lib/domain/instrument";
import { statusQuery } from "@/lib/client/queries";

/** Instruments from /api/status (tick sizes for price formatting), falling back to the defaults. */
export function useInstrument(symbol: string): Instrument | undefined {
  const { data } = useQuery(statusQuery());
  const list = data?.instruments ?? DEFAULT_INSTRUMENTS;
  return list.find((i) => i.symbol === symbol);
}

/** Decimal places to show for a symbol's prices, or undefined to guess from magnitude. */
export function usePriceDecimals(symbol: string): number | undefined {
  const instrument = useInstrument(symbol);
  return instrument ? priceDecimals(instrument) : undefined;
}
