/**
 * Split mode jobs process (`npm run start:jobs`): BullMQ processors and their schedules (the data pipeline, backtests,
 * optimisations, training), and the delivery of queued alerts. Run as many as you like: BullMQ hands each job to one of them; runs left
 * unfinished by a stopped process are enqueued again at start.
 */
import { startAlertDelivery } from "@/lib/alerts";
import { logger } from "@/lib/logger";
import { serveMetrics } from "@/lib/metrics/serve-metrics";
import { startJobs } from "@/lib/jobs/start-jobs";
import { loadConfigOrExit } from "@/lib/runtime/exit-on-config-error";
import { announceReady } from "@/lib/runtime/process-ready";
import { requireSplitServices } from "@/lib/runtime/require-split";
import { createServices } from "@/lib/runtime/services";
import { Shutdown } from "@/lib/runtime/shutdown";

async function main(): Promise<void> {
  const config = requireSplitServices(loadConfigOrExit(), "jobs process");
  const log = logger("jobs");
  const services = await createServices(config);
  const jobs = await startJobs(services, log);
  // Alert deliveries are rows in the database: one jobs process or several, each message goes out once per channel.
  const alertDelivery = startAlertDelivery({ db: services.database.db, config, log: logger("alerts") });
  const metrics = await serveMetrics({ name: "jobs", host: config.HOST, token: config.METRICS_TOKEN, port: config.METRICS_PORT });
  new Shutdown((msg, extra) => log.info(extra ?? {}, msg))
    .add("stop metrics", async () => void metrics?.close())
    .add("close workers", () => jobs.close())
    .add("stop alert delivery", () => alertDelivery.stop())
    .add("close connections", async () => {
      await services.bus.close();
      await services.database.close();
    })
    .listen();
  log.info({ pid: process.pid }, "jobs ready");
  announceReady();
}

main().catch((error: unknown) => {
  process.stderr.write(`jobs process failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
