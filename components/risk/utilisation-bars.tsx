import type { LimitUtilisation } from "@/lib/server/risk/risk-utilisation";

const level = (fraction: number) => (fraction >= 1 ? "breach" : fraction >= 0.8 ? "warn" : "ok");

/** Each watched limit as a bar: how much of it is in use now; amber from 80 %, red at the limit. */
export function UtilisationBars({ rows }: { rows: readonly LimitUtilisation[] }) {
  if (rows.length === 0) return <p className="panel-note">No open positions, orders or losses to measure yet.</p>;
  return (
    <ul className="utilisation-list" data-testid="risk-utilisation">
      {rows.map((r) => {
        const percent = Number.isFinite(r.fraction) ? Math.round(r.fraction * 1000) / 10 : 100;
        return (
          <li key={`${r.limit}-${r.symbol ?? ""}`} className={`utilisation utilisation-${level(r.fraction)}`} data-testid={`utilisation-${r.limit}${r.symbol ? `-${r.symbol}` : ""}`}>
            <span className="utilisation-label">{r.label}{r.symbol ? ` · ${r.symbol}` : ""}</span>
            <span className="utilisation-bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, percent)} aria-label={`${r.label} ${percent}% of the limit`}>
              <span style={{ width: `${Math.min(100, percent)}%` }} />
            </span>
            <span className="num utilisation-figure">{percent}% · {Number(r.used).toLocaleString("en-US", { maximumSignificantDigits: 4 })} of {r.max}</span>
          </li>
        );
      })}
    </ul>
  );
}
