"use client";

import { directionClass, formatPercent, formatPrice, type Direction } from "@/lib/client/format";
import { usePriceDecimals } from "@/lib/client/use-instruments";
import { usePriceChange } from "@/lib/client/use-price-change";

interface PriceCardProps {
  symbol: string;
  selected: boolean;
  onSelect: (symbol: string) => void;
}

function directionOfChange(change: number | null): Direction {
  // Below half a basis point the change prints as 0.00%, so it should not show an arrow either.
  if (change === null || Math.abs(change) < 0.00005) return "flat";
  return change > 0 ? "up" : "down";
}

/** One symbol's last price and change; a button that selects the symbol for the chart and ticket. */
export function PriceCard({ symbol, selected, onSelect }: PriceCardProps) {
  const { last, change, referenceKind } = usePriceChange(symbol);
  const decimals = usePriceDecimals(symbol);
  const direction = directionOfChange(change);
  const changeText = formatPercent(change);

  return (
    <button
      type="button"
      className={`price-card${selected ? " selected" : ""}`}
      aria-pressed={selected}
      aria-label={`${symbol}: last ${formatPrice(last, decimals)}, ${changeText} ${referenceKind}`}
      data-testid={`price-card-${symbol}`}
      data-direction={direction}
      onClick={() => onSelect(symbol)}
    >
      <span className="price-card-symbol">{symbol}</span>
      <span className={`price-card-last num ${directionClass(direction)}`} data-testid={`last-price-${symbol}`}>
        {formatPrice(last, decimals)}
      </span>
      <span className={`price-card-change num ${directionClass(direction)}`} data-testid={`price-change-${symbol}`}>
        {direction === "up" ? "▲ " : direction === "down" ? "▼ " : ""}
        {changeText}
        <span className="price-card-ref"> {referenceKind}</span>
      </span>
    </button>
  );
}
