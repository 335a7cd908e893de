import { logger } from "@/lib/logger";
import type { Services } from "@/lib/runtime/services";
import { type Alerter, createAlerter } from "./alerter";

const alerters = new WeakMap<Services, Alerter>();

/** The process's alerter over its services' database: raising only writes rows, so any process may raise. */
export function alerterOf(services: Pick<Services, "config" | "database">): Alerter {
  const key = services as Services;
  let alerter = alerters.get(key);
  if (!alerter) {
    alerter = createAlerter({ db: services.database.db, config: services.config, log: logger("alerts") });
    alerters.set(key, alerter);
  }
  return alerter;
}
