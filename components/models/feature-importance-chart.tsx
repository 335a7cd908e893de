"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FeatureImportanceView } from "@/lib/server/models/feature-importance";
import { chartTheme } from "@/components/charts/chart-theme";

const ROW_PX = 20;

/** Mean decrease in Gini impurity per feature, largest on top, against the equal share every feature would have. */
export function FeatureImportanceChart({ importance, source }: { importance: FeatureImportanceView; source: string }) {
  const equalShare = 1 / Math.max(1, importance.features.length);
  return (
    <figure className="metrics-window">
      <figcaption>Feature importance ({source}); the dashed line is an equal share of {(equalShare * 100).toFixed(1)} %</figcaption>
      <div
        role="img"
        aria-label={`Feature importance: ${importance.features.slice(0, 3).map((f) => f.feature).join(", ")} lead`}
        data-testid="feature-importance"
        data-features={importance.features.length}
        style={{ width: "100%", height: importance.features.length * ROW_PX + 40 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={importance.features} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" horizontal={false} />
            <XAxis type="number" tickFormatter={(v: number) => `${(v * 100).toFixed(0)}%`} stroke="var(--text-muted)" fontSize={11} />
            <YAxis type="category" dataKey="feature" width={130} stroke="var(--text-muted)" fontSize={11} interval={0} />
            <Tooltip
              contentStyle={{ background: "var(--surface-2)", border: "1px solid var(--border)", color: "var(--text)" }}
              formatter={(v) => `${(Number(v) * 100).toFixed(1)} %`}
            />
            <ReferenceLine x={equalShare} stroke="var(--text-muted)" strokeDasharray="4 4" />
            <Bar dataKey="importance" name="importance" fill={chartTheme.accent} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
