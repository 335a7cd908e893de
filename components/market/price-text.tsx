"use client";

import { formatPrice } from "@/lib/client/format";
import { usePriceDecimals } from "@/lib/client/use-instruments";

/** A price shown with the instrument's tick precision. */
export function PriceText({ symbol, value }: { symbol: string; value: string | number | null | undefined }) {
  const decimals = usePriceDecimals(symbol);
  return <>{formatPrice(value, decimals)}</>;
}
