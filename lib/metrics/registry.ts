import { Registry } from "prom-client";
import { defineHttpMetrics, type HttpMetrics } from "./http";
import { defineInfrastructureMetrics, type InfrastructureMetrics } from "./infrastructure";
import { defineModelMetrics, type ModelMetrics } from "./models";
import { defineProcessMetrics, type ProcessMetrics } from "./process";
import { defineTradingMetrics, type TradingMetrics } from "./trading";

export interface AppMetrics {
  registry: Registry;
  process: ProcessMetrics;
  http: HttpMetrics;
  trading: TradingMetrics;
  models: ModelMetrics;
  infrastructure: InfrastructureMetrics;
}

// Next.js bundles route handlers apart from the launcher, so module singletons are not shared; globalThis is.
const KEY = Symbol.for("tradeforge.metrics");
type Holder = { [KEY]?: AppMetrics };

/** This process's metrics, defined once on first use. */
export function appMetrics(): AppMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= defineAppMetrics();
  return holder[KEY];
}

/** The one Prometheus registry of this process. */
export function metricsRegistry(): Registry {
  return appMetrics().registry;
}

function defineAppMetrics(): AppMetrics {
  const registry = new Registry();
  return {
    registry,
    process: defineProcessMetrics(registry),
    http: defineHttpMetrics(registry),
    trading: defineTradingMetrics(registry),
    models: defineModelMetrics(registry),
    infrastructure: defineInfrastructureMetrics(registry),
  };
}
