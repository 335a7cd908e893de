"use client";

import { useEffect, useMemo, useRef } from "react";
import { CandlestickSeries, createChart, createSeriesMarkers, type UTCTimestamp } from "lightweight-charts";
import type { BacktestResultJson } from "@/lib/backtest/jobs/run-view";
import { DOWN_COLOR, UP_COLOR } from "@/lib/client/chart-data";
import { chartTime, tradeMarkers } from "@/lib/client/backtest-markers";
import { candleChartOptions } from "@/components/charts/chart-theme";

type Candles = BacktestResultJson["candles"];

/** lightweight-charts wants strictly ascending, unique times (seconds). */
function toSeries(candles: Candles) {
  const byTime = new Map<UTCTimestamp, Candles[number]>();
  for (const c of candles) byTime.set(chartTime(c.time), c);
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([time, c]) => ({ time, open: c.open, high: c.high, low: c.low, close: c.close }));
}

/** The bars tested with every trade's entry and exit marked. Drawn once: a finished run's result never changes. */
export function TradePriceChart({ result }: { result: BacktestResultJson }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const { bars, markers } = useMemo(() => {
    const series = toSeries(result.candles);
    return { bars: series, markers: tradeMarkers(result.trades, series.map((b) => b.time)) };
  }, [result]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = createChart(container, candleChartOptions(false));
    const series = chart.addSeries(CandlestickSeries, { upColor: UP_COLOR, downColor: DOWN_COLOR, borderVisible: false, wickUpColor: UP_COLOR, wickDownColor: DOWN_COLOR });
    series.setData(bars);
    createSeriesMarkers(series, markers);
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [bars, markers]);

  return (
    <div
      ref={containerRef}
      className="candle-chart backtest-price-chart"
      role="img"
      aria-label={`${result.symbol} price with ${result.trades.length} trades marked`}
      data-testid="backtest-price-chart"
      data-markers={markers.length}
    />
  );
}
