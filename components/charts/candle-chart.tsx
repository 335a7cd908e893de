"use client";

import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import {
  CandlestickSeries,
  HistogramSeries,
  createChart,
  type IChartApi,
  type ISeriesApi,
} from "lightweight-charts";
import type { BarInterval } from "@/lib/domain/market-data";
import { DOWN_COLOR, UP_COLOR, barTime, normalizeBars, toCandle, toVolume } from "@/lib/client/chart-data";
import { candlesQuery } from "@/lib/client/queries";
import { useLiveBars } from "@/lib/client/use-live-bars";
import { QueryStatus } from "@/components/ui/query-status";
import { candleChartOptions } from "@/components/charts/chart-theme";

const VISIBLE_BARS = 150;

interface ChartHandle {
  chart: IChartApi;
  candles: ISeriesApi<"Candlestick">;
  volume: ISeriesApi<"Histogram">;
  /** Time of the newest bar drawn; update() must never go back in time. */
  lastTime: number | null;
  loaded: boolean;
  fitted: boolean;
}

interface CandleChartProps {
  symbol: string;
  interval: BarInterval;
  priceDecimals?: number;
}

function priceFormat(decimals: number | undefined) {
  return decimals === undefined
    ? { type: "price" as const }
    : { type: "price" as const, precision: decimals, minMove: 10 ** -decimals };
}

/**
 * Candles and volume for one symbol and interval. Mount it with a key per symbol and interval:
 * the chart is created once per mount and removed on unmount.
 */
export function CandleChart({ symbol, interval, priceDecimals }: CandleChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<ChartHandle | null>(null);
  const { data, isPending, error } = useQuery(candlesQuery(symbol, interval));
  const [liveSeen, setLiveSeen] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = createChart(container, candleChartOptions(interval === "1s"));
    const candles = chart.addSeries(CandlestickSeries, {
      upColor: UP_COLOR,
      downColor: DOWN_COLOR,
      borderVisible: false,
      wickUpColor: UP_COLOR,
      wickDownColor: DOWN_COLOR,
    });
    candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.26 } });
    const volume = chart.addSeries(HistogramSeries, { priceScaleId: "volume", priceFormat: { type: "volume" }, lastValueVisible: false, priceLineVisible: false });
    chart.priceScale("volume").applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    handleRef.current = { chart, candles, volume, lastTime: null, loaded: false, fitted: false };
    return () => {
      handleRef.current = null;
      chart.remove();
    };
  }, [interval]);

  useEffect(() => {
    handleRef.current?.candles.applyOptions({ priceFormat: priceFormat(priceDecimals) });
  }, [priceDecimals]);

  useEffect(() => {
    const handle = handleRef.current;
    if (!handle || !data) return;
    const bars = normalizeBars(data.candles);
    handle.candles.setData(bars.map(toCandle));
    handle.volume.setData(bars.map(toVolume));
    const last = bars.at(-1);
    handle.lastTime = last ? barTime(last) : null;
    handle.loaded = true;
    if (!handle.fitted && bars.length > 0) {
      handle.fitted = true;
      if (bars.length > VISIBLE_BARS) {
        handle.chart.timeScale().setVisibleLogicalRange({ from: bars.length - VISIBLE_BARS, to: bars.length + 2 });
      } else {
        handle.chart.timeScale().fitContent();
      }
    }
  }, [data]);

  useLiveBars(symbol, interval, (bar) => {
    const handle = handleRef.current;
    // Bars before the initial candles are in the fetched history anyway.
    if (!handle || !handle.loaded) return;
    const time = barTime(bar);
    if (handle.lastTime !== null && time < handle.lastTime) return;
    handle.candles.update(toCandle(bar));
    handle.volume.update(toVolume(bar));
    handle.lastTime = time;
    if (!liveSeen) setLiveSeen(true);
  });

  const empty = data !== undefined && data.candles.length === 0 && !liveSeen;
  return (
    <div className="candle-chart-wrap">
      <div
        ref={containerRef}
        className="candle-chart"
        role="img"
        aria-label={`${symbol} ${interval} candlestick chart`}
        data-testid="candle-chart"
        data-symbol={symbol}
        data-interval={interval}
        data-state={error ? "error" : isPending ? "loading" : empty ? "empty" : "ready"}
      />
      <div className="chart-overlay">
        <QueryStatus isPending={isPending} error={error} label="candles" />
        {empty ? <p className="query-status">No candles yet: waiting for live bars.</p> : null}
      </div>
    </div>
  );
}
