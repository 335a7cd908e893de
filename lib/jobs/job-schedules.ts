import type { Config } from "@/lib/config";
import { type Cadence, cronCadence } from "./cadence";

/** One scheduled pipeline: what the jobs process registers and the admin Jobs page lists. */
export interface JobSchedule {
  name: string;
  description: string;
  /** Undefined when turned off in config (RETRAIN_CRON=off): not scheduled, but still runnable now. */
  cadence: Cadence | undefined;
  /** The config variable that sets the cadence, shown on the Jobs page. */
  setting: string | null;
  payload: Record<string, unknown>;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Every schedule, from validated config. A bad cron expression throws InvalidCron naming its variable. */
export function jobSchedules(config: Config): JobSchedule[] {
  const retrainCron = cronCadence("RETRAIN_CRON", config.RETRAIN_CRON);
  return [
    {
      name: "tick-retention", setting: "TICK_RETENTION_HOURS", cadence: { everyMs: HOUR_MS },
      description: `Builds any missing 1m bars from ticks older than ${config.TICK_RETENTION_HOURS} h, then deletes those ticks`,
      payload: { retentionHours: config.TICK_RETENTION_HOURS },
    },
    {
      name: "feature-backfill", setting: "FEATURE_BACKFILL_MINUTES", cadence: { everyMs: config.FEATURE_BACKFILL_MINUTES * MINUTE_MS },
      description: "Computes feature vectors for the traded symbols and every production or shadow model's series",
      payload: { symbols: config.SIM_SYMBOLS, interval: config.STRATEGY_INTERVAL },
    },
    {
      name: "retrain", setting: "RETRAIN_CRON", cadence: retrainCron,
      description: "Trains a new candidate for every production ensemble on fresh bars (never promotes)",
      payload: { cron: retrainCron && "cron" in retrainCron ? retrainCron.cron : null },
    },
    {
      name: "model-expiry", setting: "MODEL_MAX_AGE_DAYS", cadence: { everyMs: HOUR_MS },
      description: `Retrains, once, a production ensemble older than ${config.MODEL_MAX_AGE_DAYS} days with no newer training`,
      payload: { maxAgeDays: config.MODEL_MAX_AGE_DAYS },
    },
    {
      name: "model-evaluation", setting: "EVALUATION_CRON", cadence: cronCadence("EVALUATION_CRON", config.EVALUATION_CRON),
      description: "Walk-forward evaluation of production vs shadow ensembles on bars after their training, beside the baselines",
      payload: {},
    },
    {
      name: "signal-outcomes", setting: null, cadence: { everyMs: MINUTE_MS },
      description: "Fills in the outcome of live model calls whose horizon has passed (live hit rate)",
      payload: {},
    },
  ];
}

export function findJobSchedule(config: Config, name: string): JobSchedule | undefined {
  return jobSchedules(config).find((s) => s.name === name);
}
