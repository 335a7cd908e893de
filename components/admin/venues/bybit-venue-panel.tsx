"use client";

import type { VenuesView } from "@/lib/server/venues/venue-status";
import type { VenueAdminView } from "@/lib/server/venues/venue-admin";
import { UtcTime } from "@/components/auth/utc-time";
import { Panel } from "@/components/ui/panel";
import { keysWords } from "@/components/venues/venue-words";
import { BybitKeysForm } from "./bybit-keys-form";
import { ConnectionTestButton } from "./connection-test-button";
import { EngineVenueConnection } from "./engine-venue-connection";

export function BybitVenuePanel({ status, bybit }: { status: VenuesView; bybit: VenueAdminView["bybit"] }) {
  return (
    <Panel title="Bybit" span={8} testId="venue-bybit">
      <EngineVenueConnection status={status} venue="bybit" />
      <dl className="stats">
        <div className="stat stat-wide">
          <dt>API keys</dt>
          <dd data-testid="venue-bybit-keys" data-state={bybit.keys ? bybit.keys.source : "none"}>
            {keysWords(bybit.keys)}
            {bybit.keys?.updatedAt ? <> · <UtcTime at={bybit.keys.updatedAt} /></> : null}
          </dd>
        </div>
        <div className="stat">
          <dt>Symbols</dt>
          <dd data-testid="venue-bybit-symbols">{bybit.symbols.join(", ")}</dd>
        </div>
        <div className="stat">
          <dt>Endpoint</dt>
          <dd><code>{bybit.restUrl}</code>{bybit.testnet ? " (testnet)" : ""}</dd>
        </div>
      </dl>
      <div className="split-columns">
        <ConnectionTestButton />
        <BybitKeysForm />
      </div>
      <p className="panel-note">Keys are encrypted at rest; only the last four characters of the key are ever shown. BYBIT_API_KEY and BYBIT_API_SECRET in the environment win over stored keys.</p>
    </Panel>
  );
}
