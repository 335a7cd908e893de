import { Counter, type Registry } from "prom-client";
import { boundCounter } from "./bound-counter";
import { appMetrics } from "./registry";
import { type ReadLabelled, type ReadValue, trackGauge, trackLabelledGauge } from "./state-gauge";

export interface TradingMetrics {
  countTick: (symbol: string) => void;
  countBar: (interval: string) => void;
  countSignal: (symbol: string) => void;
  countOrderStatus: (status: string) => void;
  countFill: (symbol: string) => void;
  countRejection: (reason: string) => void;
}

export function defineTradingMetrics(registry: Registry): TradingMetrics {
  const counter = (name: string, help: string, label: string) => boundCounter(new Counter({ name, help, labelNames: [label], registers: [registry] }));
  return {
    countTick: counter("tradeforge_ticks_total", "Trade prints processed by the engine", "symbol"),
    countBar: counter("tradeforge_bars_total", "Bars closed by the engine", "interval"),
    countSignal: counter("tradeforge_signals_total", "Live model calls stored", "symbol"),
    countOrderStatus: counter("tradeforge_orders_total", "Orders reaching a status", "status"),
    countFill: counter("tradeforge_fills_total", "Fills recorded", "symbol"),
    countRejection: counter("tradeforge_order_rejections_total", "Orders refused by the pre-trade gate, by reason code", "reason"),
  };
}

export const countTick = (symbol: string) => appMetrics().trading.countTick(symbol);
export const countBar = (interval: string) => appMetrics().trading.countBar(interval);
export const countSignal = (symbol: string) => appMetrics().trading.countSignal(symbol);
export const countOrderStatus = (status: string) => appMetrics().trading.countOrderStatus(status);
export const countFill = (symbol: string) => appMetrics().trading.countFill(symbol);
export const countRejection = (reason: string) => appMetrics().trading.countRejection(reason);

export const RISK_STATE_VALUES = { ACTIVE: 0, REDUCING: 1, HALTED: 2 } as const;

/** What the engine's state gauges read at scrape time. */
export interface EngineStateSources {
  equity: ReadValue;
  realizedPnl: ReadValue;
  unrealizedPnl: ReadValue;
  /** 0..1, how far equity is below its peak. */
  drawdownRatio: ReadValue;
  riskState: () => keyof typeof RISK_STATE_VALUES;
  tickBufferDepth: ReadValue;
  venuesConnected: ReadLabelled;
}

/** Registers the engine's state gauges (equity, P&L, drawdown, risk state, tick buffer, venues); returns the undo. */
export function trackEngineState(sources: EngineStateSources): () => void {
  const { registry } = appMetrics();
  const offs = [
    trackGauge(registry, "tradeforge_equity", "Account equity (cash + marked positions)", sources.equity),
    trackLabelledGauge(registry, "tradeforge_pnl", "Profit and loss by kind (realized, unrealized)", "kind", () => [
      ["realized", sources.realizedPnl() ?? Number.NaN],
      ["unrealized", sources.unrealizedPnl() ?? Number.NaN],
    ]),
    trackGauge(registry, "tradeforge_drawdown_ratio", "Drawdown from peak equity, 0..1", sources.drawdownRatio),
    trackGauge(registry, "tradeforge_risk_state", "Risk state: 0 ACTIVE, 1 REDUCING, 2 HALTED", () => RISK_STATE_VALUES[sources.riskState()]),
    trackGauge(registry, "tradeforge_tick_buffer_depth", "Ticks buffered for the database", sources.tickBufferDepth),
    trackLabelledGauge(registry, "tradeforge_venue_connected", "1 while a live venue is connected", "venue", sources.venuesConnected),
  ];
  return () => {
    for (const off of offs) off();
  };
}
