"use client";

import type { BarInterval } from "@/lib/domain/market-data";
import { usePriceDecimals } from "@/lib/client/use-instruments";
import { Panel } from "@/components/ui/panel";
import { CandleChart } from "@/components/charts/candle-chart";
import { IntervalSwitcher } from "@/components/charts/interval-switcher";

interface CandleChartPanelProps {
  symbol: string;
  interval: BarInterval;
  intervals: readonly BarInterval[];
  onIntervalChange: (interval: BarInterval) => void;
}

export function CandleChartPanel({ symbol, interval, intervals, onIntervalChange }: CandleChartPanelProps) {
  const decimals = usePriceDecimals(symbol);
  return (
    <Panel
      title={`${symbol} · ${interval}`}
      span={8}
      testId="chart-panel"
      actions={<IntervalSwitcher intervals={intervals} value={interval} onChange={onIntervalChange} />}
    >
      <CandleChart key={`${symbol}-${interval}`} symbol={symbol} interval={interval} priceDecimals={decimals} />
      <p className="panel-note">Times in UTC.</p>
    </Panel>
  );
}
