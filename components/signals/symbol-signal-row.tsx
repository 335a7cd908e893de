import type { EnsembleSignalEntry, SymbolSignals } from "@/lib/server/models/latest-signals";
import { DirectionLabel } from "./direction-label";
import { MemberVotes } from "./member-votes";
import { formatAge } from "./signal-format";

function ShadowCalls({ entries }: { entries: EnsembleSignalEntry[] }) {
  if (entries.length === 0) return <>—</>;
  return (
    <>
      {entries.map((e) => (
        <span key={e.versionId} data-testid="shadow-signal" style={{ display: "block" }}>
          v{e.version}: {e.signal ? <DirectionLabel direction={e.signal.direction} confidence={e.signal.confidence} /> : "no call yet"}
        </span>
      ))}
    </>
  );
}

/** One symbol's production ensemble call with its members' votes, and the shadow versions' calls beside it. */
export function SymbolSignalRow({ market, now }: { market: SymbolSignals; now: number }) {
  const production = market.production[0];
  const signal = production?.signal ?? null;
  return (
    <tr data-testid={`model-signal-${market.symbol}`} data-symbol={market.symbol} data-interval={market.interval}>
      <th scope="row">
        {market.symbol} <span className="status-text">{market.interval}</span>
      </th>
      <td>{production ? `${production.name} v${production.version}` : <span className="status-text">none in production</span>}</td>
      <td>{signal ? <DirectionLabel direction={signal.direction} confidence={signal.confidence} testId="ensemble-direction" /> : production ? "waiting for a closed bar" : "—"}</td>
      <td className="num">{signal ? formatAge(signal.calledAt, now) : "—"}</td>
      <td>{signal ? <MemberVotes votes={signal.votes} /> : "—"}</td>
      <td>
        <ShadowCalls entries={market.shadow} />
      </td>
    </tr>
  );
}
