import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";

/** The paper broker is always there: every symbol not routed to a real venue trades here. */
export function PaperVenuePanel({ symbols }: { symbols: string[] }) {
  return (
    <Panel title="Paper" span={4} testId="venue-paper">
      <dl className="stats">
        <div className="stat">
          <dt>Status</dt>
          <dd><Badge tone="success" state="connected" testId="venue-paper-status">Always on</Badge></dd>
        </div>
        <div className="stat">
          <dt>Keys</dt>
          <dd>None needed</dd>
        </div>
        <div className="stat stat-wide">
          <dt>Symbols</dt>
          <dd data-testid="venue-paper-symbols">{symbols.length > 0 ? symbols.join(", ") : "none"}</dd>
        </div>
      </dl>
      <p className="panel-note">Fills at market prices with simulated slippage and fees (PAPER_* settings); no real money moves.</p>
    </Panel>
  );
}
