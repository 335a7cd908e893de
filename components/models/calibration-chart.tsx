"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MetricHeadline, WindowHeadline } from "@/lib/server/models/model-views";
import { formatScore } from "@/lib/client/model-format";
import { chartTheme } from "@/components/charts/chart-theme";

const BASELINE_COLOR = "#f59e0b";
/** Its probabilities are the training class frequencies, so it has a real confidence to calibrate (the rules put 1 on their call). */
const BASELINE = "majority-class";
const DIAGONAL = [{ confidence: 0, accuracy: 0 }, { confidence: 1, accuracy: 1 }];

const points = (row: MetricHeadline) => row.calibration.bins.map((b) => ({ confidence: b.meanConfidence, accuracy: b.accuracy, count: b.count }));
const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Predicted confidence against how often the call was right, per bin: on the diagonal a model means what it says. */
export function CalibrationChart({ window }: { window: WindowHeadline }) {
  const baseline = window.baselines.find((b) => b.name === BASELINE);
  return (
    <figure className="metrics-window">
      <figcaption>
        Calibration, test: ECE {formatScore(window.model.calibration.ece)} (model)
        {baseline ? ` vs ${formatScore(baseline.calibration.ece)} (${baseline.name} baseline)` : ""}
      </figcaption>
      <div role="img" aria-label="Calibration chart: predicted confidence against observed accuracy" data-testid="calibration-chart" data-bins={window.model.calibration.bins.length} className="equity-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" />
            <XAxis type="number" dataKey="confidence" domain={[0, 1]} tickFormatter={percent} stroke="var(--text-muted)" fontSize={11} name="predicted" />
            <YAxis type="number" dataKey="accuracy" domain={[0, 1]} tickFormatter={percent} stroke="var(--text-muted)" fontSize={11} width={44} name="observed" />
            <Tooltip contentStyle={{ background: "var(--surface-2)", border: "1px solid var(--border)", color: "var(--text)" }} formatter={(v) => percent(Number(v))} />
            <Legend />
            <Line data={DIAGONAL} dataKey="accuracy" name="perfectly calibrated" stroke="var(--text-muted)" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
            <Line data={points(window.model)} dataKey="accuracy" name={`${window.model.name} (model)`} stroke={chartTheme.accent} strokeWidth={2} isAnimationActive={false} />
            {baseline ? (
              <Line data={points(baseline)} dataKey="accuracy" name={`${baseline.name} (baseline)`} stroke={BASELINE_COLOR} strokeWidth={2} isAnimationActive={false} />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
