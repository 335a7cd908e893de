"use client";

import { PriceCard } from "@/components/market/price-card";

interface MarketStripProps {
  symbols: readonly string[];
  selected: string;
  onSelect: (symbol: string) => void;
}

export function MarketStrip({ symbols, selected, onSelect }: MarketStripProps) {
  return (
    <nav className="market-strip" aria-label="Markets" data-testid="market-strip">
      {symbols.map((symbol) => (
        <PriceCard key={symbol} symbol={symbol} selected={symbol === selected} onSelect={onSelect} />
      ))}
    </nav>
  );
}
