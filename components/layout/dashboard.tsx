"use client";

import { useState } from "react";
import type { DashboardConfig } from "@/lib/dashboard-config";
import type { BarInterval } from "@/lib/domain/market-data";
import { roleAtLeast } from "@/lib/domain/roles";
import { DashboardConfigContext } from "@/lib/client/use-dashboard-config";
import { useResyncOnReconnect } from "@/lib/client/use-resync-on-reconnect";
import { AccountPanel } from "@/components/account/account-panel";
import { EquityPanel } from "@/components/account/equity-panel";
import { CandleChartPanel } from "@/components/charts/candle-chart-panel";
import { FillsTable } from "@/components/fills/fills-table";
import { DriftPanel } from "@/components/fidelity/drift-panel";
import { DashboardHeader } from "@/components/layout/dashboard-header";
import { LiveBanner } from "@/components/layout/live-banner";
import { MarketStrip } from "@/components/market/market-strip";
import { OpenOrdersTable } from "@/components/orders/open-orders-table";
import { OrderTicket } from "@/components/orders/order-ticket";
import { PositionsTable } from "@/components/positions/positions-table";
import { RiskPanel } from "@/components/risk/risk-panel";
import { ModelSignalsPanel } from "@/components/signals/model-signals-panel";
import { ReconciliationPanel } from "@/components/venues/reconciliation-panel";

/**
 * The trader's overview: markets, chart, ticket, account, risk, positions, orders and fills. A viewer gets no order
 * ticket; the server refuses its orders anyway, this only keeps the page to what the user may do. In live mode a red
 * banner and the venues' reconciliation come first.
 */
export function Dashboard({ config }: { config: DashboardConfig }) {
  const [symbol, setSymbol] = useState(config.symbols[0] ?? "");
  const [interval, setBarInterval] = useState<BarInterval>(config.defaultInterval);
  useResyncOnReconnect();
  const canTrade = roleAtLeast(config.user.role, "trader");
  const live = config.tradingMode === "live";

  return (
    <DashboardConfigContext value={config}>
      {live ? <LiveBanner routes={config.liveRoutes} /> : null}
      <div className="app" data-role={config.user.role}>
        <DashboardHeader config={config} />
        <main className="dashboard">
          <MarketStrip symbols={config.symbols} selected={symbol} onSelect={setSymbol} />
          {symbol ? (
            <div className="dashboard-grid">
              {live ? <ReconciliationPanel canTrade={canTrade} /> : null}
              <CandleChartPanel
                symbol={symbol}
                interval={interval}
                intervals={config.intervals}
                onIntervalChange={setBarInterval}
              />
              {canTrade ? <OrderTicket symbols={config.symbols} symbol={symbol} onSymbolChange={setSymbol} /> : null}
              <AccountPanel />
              <EquityPanel />
              <RiskPanel />
              <PositionsTable />
              <OpenOrdersTable />
              <FillsTable />
              <ModelSignalsPanel />
              <DriftPanel symbols={config.symbols} />
            </div>
          ) : (
            <p className="query-status">No symbols are configured.</p>
          )}
        </main>
      </div>
    </DashboardConfigContext>
  );
}
