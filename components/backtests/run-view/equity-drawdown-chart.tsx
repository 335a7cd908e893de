"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BacktestResultJson } from "@/lib/backtest/jobs/run-view";
import { axisTimeFormatter, formatRunTime } from "@/lib/client/backtest-format";
import { formatMoney } from "@/lib/client/format";

const TOOLTIP_STYLE = { background: "var(--surface-2)", border: "1px solid var(--border)", color: "var(--text)" };

/** Equity, and under it the drawdown from the running peak (a negative percentage), on one shared time axis (hovering one shows both). */
export function EquityDrawdownChart({ equity, label }: { equity: BacktestResultJson["equity"]; label: string }) {
  const data = equity.map((p) => ({ ts: p.ts, equity: p.equity, drawdown: p.drawdownPct }));
  const span = equity.length > 1 ? equity[equity.length - 1].ts - equity[0].ts : 0;
  const tick = axisTimeFormatter(span);
  const xAxis = (hide: boolean) => (
    <XAxis dataKey="ts" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick} stroke="var(--text-muted)" fontSize={11} minTickGap={50} hide={hide} />
  );
  return (
    <div className="backtest-equity" data-testid="backtest-equity" data-points={equity.length}>
      <div className="equity-chart" role="img" aria-label={`${label} equity curve`}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} syncId="backtest-equity" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            {xAxis(true)}
            <YAxis dataKey="equity" domain={["auto", "auto"]} tickFormatter={(v: number) => formatMoney(String(v))} stroke="var(--text-muted)" fontSize={11} width={84} />
            <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(ts) => formatRunTime(Number(ts))} formatter={(v) => [formatMoney(String(v)), "Equity"]} />
            <Area type="monotone" dataKey="equity" stroke="var(--accent)" strokeWidth={2} fill="var(--info-bg)" isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <div className="drawdown-chart" role="img" aria-label={`${label} drawdown`}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} syncId="backtest-equity" margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            {xAxis(false)}
            <YAxis dataKey="drawdown" domain={["auto", 0]} tickFormatter={(v: number) => `${Number(v.toFixed(1))}%`} stroke="var(--text-muted)" fontSize={11} width={84} />
            <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(ts) => formatRunTime(Number(ts))} formatter={(v) => [`${Number(v).toFixed(2)}%`, "Drawdown"]} />
            <Area type="monotone" dataKey="drawdown" stroke="var(--down)" strokeWidth={1} fill="var(--down-bg)" isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
