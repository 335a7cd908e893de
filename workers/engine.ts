/**
 * Split mode worker (`npm run start:worker`): the trading engine alone, on PostgreSQL and Redis. Exactly one per
 * trading account. Browsers receive its events through the realtime gateway (Redis emitter -> adapter).
 */
import { bootstrapAuth } from "@/lib/auth/bootstrap";
import { migrateDatabase } from "@/lib/db/migrate";
import { alertRiskTransition, alerterOf } from "@/lib/alerts";
import { startEngine } from "@/lib/engine/start-engine";
import { logger } from "@/lib/logger";
import { serveMetrics } from "@/lib/metrics/serve-metrics";
import { RedisSink } from "@/lib/realtime/redis-sink";
import { loadConfigOrExit } from "@/lib/runtime/exit-on-config-error";
import { announceReady } from "@/lib/runtime/process-ready";
import { requireSplitServices } from "@/lib/runtime/require-split";
import { createServices } from "@/lib/runtime/services";
import { Shutdown } from "@/lib/runtime/shutdown";

async function main(): Promise<void> {
  const config = requireSplitServices(loadConfigOrExit(), "worker");
  const log = logger("worker");
  const services = await createServices(config);
  if (process.argv.includes("--migrate")) await migrateDatabase(services.database);
  await bootstrapAuth(services.database.db, config, log);
  const sink = new RedisSink(config.REDIS_URL, services.bus);
  const engine = await startEngine({ services, sink, onTrip: (transition) => void alertRiskTransition(alerterOf(services), transition) });
  const metrics = await serveMetrics({ name: "worker", host: config.HOST, token: config.METRICS_TOKEN, port: config.METRICS_PORT });
  new Shutdown((msg, extra) => log.info(extra ?? {}, msg))
    .add("stop metrics", async () => void metrics?.close())
    .add("stop engine and flush", () => engine.stop())
    .add("close connections", async () => {
      await sink.close();
      await services.bus.close();
      await services.database.close();
    })
    .listen();
  log.info({ pid: process.pid }, "worker ready");
  announceReady();
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
