"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EquityPoint } from "@/lib/domain/account";
import { formatMoney, formatTime } from "@/lib/client/format";

interface EquityChartProps {
  points: readonly EquityPoint[];
  currency: string;
}

/** Number() here only positions points on screen; the labels show the exact server strings. */
function toChartData(points: readonly EquityPoint[]) {
  return points.map((p) => ({ ts: p.ts, value: Number(p.equity), equity: p.equity }));
}

const TEN_MINUTES = 600_000;

export function EquityChart({ points, currency }: EquityChartProps) {
  const data = toChartData(points);
  const span = points.length > 1 ? points[points.length - 1].ts - points[0].ts : 0;
  const tickTime = (ts: number) => (span < TEN_MINUTES ? formatTime(ts) : formatTime(ts).slice(0, 5));
  return (
    <div className="equity-chart" data-testid="equity-chart" data-points={points.length} role="img" aria-label="Equity curve">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <defs>
            <linearGradient id="equity-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="var(--accent)" stopOpacity={0.45} />
              <stop offset="100%" stopColor="var(--accent)" stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis
            dataKey="ts"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={tickTime}
            stroke="var(--text-muted)"
            fontSize={11}
            minTickGap={40}
          />
          <YAxis
            dataKey="value"
            domain={["auto", "auto"]}
            tickFormatter={(v: number) => formatMoney(String(v))}
            stroke="var(--text-muted)"
            fontSize={11}
            width={84}
          />
          <Tooltip
            contentStyle={{ background: "var(--surface-2)", border: "1px solid var(--border)", color: "var(--text)" }}
            itemStyle={{ color: "var(--text)" }}
            labelFormatter={(ts) => formatTime(Number(ts))}
            formatter={(_value, _name, item) => [formatMoney((item.payload as { equity: string }).equity, currency), "Equity"]}
          />
          <Area
            type="monotone"
            dataKey="value"
            stroke="var(--accent)"
            strokeWidth={2}
            fill="url(#equity-fill)"
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
