"use client";

import type { BarInterval } from "@/lib/domain/market-data";

interface IntervalSwitcherProps {
  intervals: readonly BarInterval[];
  value: BarInterval;
  onChange: (interval: BarInterval) => void;
}

export function IntervalSwitcher({ intervals, value, onChange }: IntervalSwitcherProps) {
  return (
    <div className="segmented" role="group" aria-label="Candle interval">
      {intervals.map((interval) => (
        <button
          key={interval}
          type="button"
          className="segmented-item"
          aria-pressed={interval === value}
          data-testid={`interval-${interval}`}
          onClick={() => onChange(interval)}
        >
          {interval}
        </button>
      ))}
    </div>
  );
}
