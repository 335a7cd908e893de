"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTimeFormatter, formatRunTime } from "@/lib/client/backtest-format";
import { chartTheme } from "@/components/charts/chart-theme";
import { liveChartRows, type LiveMarket } from "./live-chart-data";

const SHADOW_COLORS = ["#f59e0b", "#a855f7", "#14b8a6", "#ec4899"];
const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Hourly live hit rate of the production version (solid) and shadow versions (dashed) with the constant-call baseline. */
export function LiveHitRateChart({ market }: { market: LiveMarket }) {
  const rows = liveChartRows(market);
  const span = rows.length > 1 ? rows[rows.length - 1].ts - rows[0].ts : 0;
  let shadowIndex = 0;
  return (
    <div role="img" aria-label={`Live hit rate per hour on ${market.key}, with the constant-call baseline`} data-testid="live-hit-rate-chart" data-points={rows.length} className="equity-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="ts" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={axisTimeFormatter(span)} stroke="var(--text-muted)" fontSize={11} minTickGap={50} />
          <YAxis domain={[0, 1]} tickFormatter={percent} stroke="var(--text-muted)" fontSize={11} width={44} />
          <Tooltip
            contentStyle={{ background: "var(--surface-2)", border: "1px solid var(--border)", color: "var(--text)" }}
            labelFormatter={(ts) => formatRunTime(Number(ts))}
            formatter={(v) => percent(Number(v))}
          />
          <Legend />
          {market.versions.map((v) => {
            const production = v.status === "production";
            const color = production ? chartTheme.accent : SHADOW_COLORS[shadowIndex++ % SHADOW_COLORS.length];
            return (
              <Line key={v.id} dataKey={v.id} name={`${v.name} v${v.version} (${v.status})`} stroke={color} strokeDasharray={production ? undefined : "5 3"} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            );
          })}
          <Line dataKey="baseline" name="constant-call baseline" stroke="var(--text-muted)" strokeDasharray="2 4" dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
