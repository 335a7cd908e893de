import { ColorType, CrosshairMode, type DeepPartial, type ChartOptions } from "lightweight-charts";

/** Canvas charts cannot read CSS variables, so the dark palette is repeated here. */
export const chartTheme = {
  background: "#11161f",
  text: "#9aa4b2",
  grid: "rgba(148, 163, 184, 0.08)",
  border: "#253041",
  accent: "#3b82f6",
} as const;

export function candleChartOptions(showSeconds: boolean): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: chartTheme.background },
      textColor: chartTheme.text,
      fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    },
    grid: { vertLines: { color: chartTheme.grid }, horzLines: { color: chartTheme.grid } },
    rightPriceScale: { borderColor: chartTheme.border },
    timeScale: { borderColor: chartTheme.border, timeVisible: true, secondsVisible: showSeconds },
    crosshair: { mode: CrosshairMode.Normal },
  };
}
