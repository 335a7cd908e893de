import type { ReactNode } from "react";
import type { BacktestResultJson, OptimizeResultJson } from "@/lib/backtest/jobs/run-view";
import { formatMetric } from "@/lib/client/backtest-format";
import { EquityDrawdownChart } from "./equity-drawdown-chart";
import { StatsTable } from "./stats-table";
import { TradePriceChart } from "./trade-price-chart";
import { TradesTable } from "./trades-table";
import { WalkForwardTable } from "./walk-forward-table";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="run-section" aria-label={title}>
      <h3 className="run-section-title">{title}</h3>
      {children}
    </section>
  );
}

export function BacktestResultView({ result, name }: { result: BacktestResultJson; name: string }) {
  return (
    <div className="run-result">
      <div className="run-result-main">
        <Section title="Equity and drawdown">
          <EquityDrawdownChart equity={result.equity} label={name} />
        </Section>
        <Section title={`${result.symbol}: ${result.barCount} bars, trades marked`}>
          <TradePriceChart result={result} />
        </Section>
      </div>
      <div className="run-result-side">
        <Section title="Statistics">
          <StatsTable stats={result.stats} />
        </Section>
      </div>
      <div className="run-result-wide">
        <Section title={`Trades (${result.trades.length})`}>
          <TradesTable trades={result.trades} />
        </Section>
      </div>
    </div>
  );
}

/** The overfitting check first: what the chosen parameters promised in-sample against what they did out of sample. */
export function OptimizeResultView({ result, name }: { result: OptimizeResultJson; name: string }) {
  const { meanInSample, meanOutOfSample } = result.gap;
  const gap = meanInSample === null || meanOutOfSample === null ? null : meanInSample - meanOutOfSample;
  return (
    <div className="run-result">
      <div className="run-result-wide">
        <dl className="stats stats-row" data-testid="optimize-gap">
          <div className="stat">
            <dt>Metric</dt>
            <dd>{result.metric}</dd>
          </div>
          <div className="stat">
            <dt>Mean in-sample</dt>
            <dd className="tabular">{formatMetric(meanInSample)}</dd>
          </div>
          <div className="stat">
            <dt>Mean out-of-sample</dt>
            <dd className="tabular">{formatMetric(meanOutOfSample)}</dd>
          </div>
          <div className="stat">
            <dt>Gap (in − out)</dt>
            <dd className="tabular">{formatMetric(gap)}</dd>
          </div>
        </dl>
        <Section title="Walk-forward windows">
          <WalkForwardTable windows={result.windows} metric={result.metric} />
        </Section>
      </div>
      <div className="run-result-main">
        <Section title="Combined out-of-sample equity">
          <EquityDrawdownChart equity={result.combined.equity} label={`${name} out-of-sample`} />
        </Section>
      </div>
      <div className="run-result-side">
        <Section title="Out-of-sample statistics">
          <StatsTable stats={result.combined.stats} label="Out-of-sample statistics" />
        </Section>
      </div>
    </div>
  );
}
