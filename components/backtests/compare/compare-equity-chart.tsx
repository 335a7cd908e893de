"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BacktestResultJson } from "@/lib/backtest/jobs/run-view";
import { compareEquity } from "@/lib/client/backtest-compare";
import { axisTimeFormatter, formatRunTime } from "@/lib/client/backtest-format";
import { chartTheme } from "@/components/charts/chart-theme";

const B_COLOR = "#f59e0b";

interface CompareEquityChartProps {
  a: { name: string; equity: BacktestResultJson["equity"] };
  b: { name: string; equity: BacktestResultJson["equity"] };
}

/** Both equity curves rebased to 100 at their first point, on one chart. */
export function CompareEquityChart({ a, b }: CompareEquityChartProps) {
  const data = compareEquity(a.equity, b.equity);
  const span = data.length > 1 ? data[data.length - 1].ts - data[0].ts : 0;
  return (
    <div className="compare-chart" role="img" aria-label={`Equity of ${a.name} and ${b.name}, rebased to 100`} data-testid="compare-equity-chart" data-points={data.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="ts" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={axisTimeFormatter(span)} stroke="var(--text-muted)" fontSize={11} minTickGap={50} />
          <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => v.toFixed(0)} stroke="var(--text-muted)" fontSize={11} width={48} />
          <Tooltip
            contentStyle={{ background: "var(--surface-2)", border: "1px solid var(--border)", color: "var(--text)" }}
            labelFormatter={(ts) => formatRunTime(Number(ts))}
            formatter={(v) => Number(v).toFixed(2)}
          />
          <Legend />
          <Line type="monotone" dataKey="a" name={`A: ${a.name}`} stroke={chartTheme.accent} dot={false} strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="b" name={`B: ${b.name}`} stroke={B_COLOR} dot={false} strokeWidth={2} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
