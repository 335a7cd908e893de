"use client";

import type { VenuesView } from "@/lib/server/venues/venue-status";
import type { Mt5SettingsView } from "@/lib/server/venues/mt5-settings";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { EngineVenueConnection } from "./engine-venue-connection";

function Mt5Settings({ mt5 }: { mt5: Mt5SettingsView }) {
  return (
    <dl className="stats">
      <div className="stat stat-wide">
        <dt>EA address</dt>
        <dd data-testid="venue-mt5-address">
          <code>{mt5.host}</code> · push {mt5.ports.push} · pull {mt5.ports.pull} · sub {mt5.ports.sub}
        </dd>
      </div>
      <div className="stat">
        <dt>Magic number</dt>
        <dd data-testid="venue-mt5-magic">{mt5.magic}</dd>
      </div>
      <div className="stat">
        <dt>Symbols</dt>
        <dd data-testid="venue-mt5-symbols">{mt5.symbols.join(", ")}</dd>
      </div>
    </dl>
  );
}

/** MetaTrader 5 through the DWX ZeroMQ EA: where the EA listens, how our trades are marked, and whether it answers. */
export function Mt5VenuePanel({ status, mt5 }: { status: VenuesView; mt5: Mt5SettingsView }) {
  return (
    <Panel title="MetaTrader 5" span={12} testId="venue-mt5">
      {mt5.configured ? (
        <>
          <EngineVenueConnection status={status} venue="mt5" lastMessageLabel="Last heartbeat" />
          <Mt5Settings mt5={mt5} />
        </>
      ) : (
        <p className="panel-lead">
          <Badge tone="neutral" state="unconfigured" testId="venue-connection-state">Not configured</Badge>{" "}
          Set MT5_SYMBOLS (and MARKET_FEEDS=…,mt5) to stream and trade through the DWX ZeroMQ EA in a MetaTrader 5 terminal.
        </p>
      )}
      <p className="panel-note">Orders carry the magic number and their client order id in the comment, so trades placed by hand in the terminal are never taken for the platform&apos;s.</p>
    </Panel>
  );
}
