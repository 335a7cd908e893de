"use client";

import type { OrderSide } from "@/lib/domain/order";

interface SideToggleProps {
  value: OrderSide;
  onChange: (side: OrderSide) => void;
}

export function SideToggle({ value, onChange }: SideToggleProps) {
  return (
    <div className="side-toggle" role="group" aria-label="Side">
      <button
        type="button"
        className="side-button side-buy"
        aria-pressed={value === "BUY"}
        data-testid="ticket-side-buy"
        onClick={() => onChange("BUY")}
      >
        Buy
      </button>
      <button
        type="button"
        className="side-button side-sell"
        aria-pressed={value === "SELL"}
        data-testid="ticket-side-sell"
        onClick={() => onChange("SELL")}
      >
        Sell
      </button>
    </div>
  );
}
