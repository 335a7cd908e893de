import type { Bus } from "@/lib/bus/bus";
import { createBus } from "@/lib/bus/create-bus";
import { type Config, runMode } from "@/lib/config";
import { createDatabase, type DatabaseHandle } from "@/lib/db/client";
import type { JobQueue } from "@/lib/jobs/job-queue";

/** The process's shared services: one database handle and one bus, chosen once from config. */
export interface Services {
  config: Config;
  database: DatabaseHandle;
  bus: Bus;
  mode: "embedded" | "split";
  startedAt: number;
  /** Where this process enqueues jobs: the runner startJobs started here, or a BullMQ producer (split web). */
  jobs?: JobQueue;
}

// Next.js bundles route handlers apart from the launcher, so module singletons are not shared; globalThis is.
const KEY = Symbol.for("tradeforge.services");
type Registry = { [KEY]?: Promise<Services> };
const registry = globalThis as Registry;

export async function createServices(config: Config): Promise<Services> {
  const [database, bus] = await Promise.all([createDatabase(config), createBus(config)]);
  return { config, database, bus, mode: runMode(config), startedAt: Date.now() };
}

export function registerServices(services: Services): void {
  registry[KEY] = Promise.resolve(services);
}

export function clearServices(): void {
  delete registry[KEY];
}

/** The registered services, or ones built on first use (a split-mode web process). */
export function getServices(build: () => Promise<Services>): Promise<Services> {
  registry[KEY] ??= build();
  return registry[KEY];
}
