import type { VenuesView } from "@/lib/server/venues/venue-status";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { VenueRoutesTable } from "./venue-routes-table";

const LIVE_SENTENCE =
  "Live mode is on (TRADING_MODE=live and ENABLE_LIVE_TRADING=true): the symbols routed to a real venue below (Bybit, MetaTrader 5) trade real funds; set TRADING_MODE=paper and restart to stop.";
const PAPER_SENTENCE =
  "Paper mode: every order is filled by the paper broker; real orders need TRADING_MODE=live, ENABLE_LIVE_TRADING=true and a venue (Bybit keys, or the MetaTrader EA for MT5_SYMBOLS), then a restart (SYMBOL_VENUES, e.g. BTCUSDT=bybit, picks each symbol's venue).";

/** Live or paper, how to change it, and where each symbol's orders go. */
export function TradingModePanel({ status }: { status: VenuesView }) {
  return (
    <Panel title="Order routing" span={12} testId="venue-routing"
      actions={<Badge tone={status.live ? "danger" : "info"} state={status.live ? "live" : "paper"} testId="venues-trading-mode">{status.live ? "LIVE" : "PAPER"}</Badge>}>
      <p className="panel-lead" data-testid="venues-mode-sentence">{status.live ? LIVE_SENTENCE : PAPER_SENTENCE}</p>
      <VenueRoutesTable routes={status.routes} />
    </Panel>
  );
}
