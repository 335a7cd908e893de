import { Gauge, type Registry } from "prom-client";

/** Reads the live value at scrape time; null leaves the sample out. */
export type ReadValue = () => number | null;
/** Reads one value per label value at scrape time. */
export type ReadLabelled = () => Iterable<readonly [string, number]>;

/**
 * Registers a gauge that mirrors state by reading it when Prometheus scrapes, replacing one registered before
 * under the same name (the latest engine or server of the process owns it). Returns the way to unregister it.
 */
export function trackGauge(registry: Registry, name: string, help: string, read: ReadValue): () => void {
  return register(registry, new Gauge({
    name, help, registers: [],
    collect() {
      const value = read();
      if (value === null || !Number.isFinite(value)) this.remove();
      else this.set(value);
    },
  }));
}

export function trackLabelledGauge(registry: Registry, name: string, help: string, label: string, read: ReadLabelled): () => void {
  return register(registry, new Gauge({
    name, help, labelNames: [label], registers: [],
    collect() {
      this.reset();
      for (const [value, sample] of read()) if (Number.isFinite(sample)) this.set({ [label]: value }, sample);
    },
  }));
}

function register(registry: Registry, gauge: Gauge): () => void {
  const { name } = gauge as unknown as { name: string };
  registry.removeSingleMetric(name);
  registry.registerMetric(gauge);
  return () => {
    if (registry.getSingleMetric(name) === gauge) registry.removeSingleMetric(name);
  };
}
