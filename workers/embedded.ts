/**
 * Embedded mode (`npm start`): ONE process serving the Next.js app, Socket.IO (/ui), the market WebSocket
 * (/ws/market) and the trading engine, on PGlite under DATA_DIR and the in-process bus.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import path from "node:path";
import next from "next";
import { alertRiskTransition, alerterOf, startAlertDelivery } from "@/lib/alerts";
import { bootstrapAuth } from "@/lib/auth/bootstrap";
import { resolveSecrets } from "@/lib/auth/local-secrets";
import { migrateDatabase } from "@/lib/db/migrate";
import { startEngine } from "@/lib/engine/start-engine";
import { startJobs } from "@/lib/jobs/start-jobs";
import { logger } from "@/lib/logger";
import { EmbeddedSink } from "@/lib/realtime/embedded-sink";
import { MARKET_WS_PATH } from "@/lib/realtime/events";
import { MarketHub } from "@/lib/realtime/market-hub";
import { handshakeAuthenticator } from "@/lib/realtime/socket-auth";
import { createUiServer } from "@/lib/realtime/socket-server";
import { loadConfigOrExit } from "@/lib/runtime/exit-on-config-error";
import { productionBuildIsStale, runNextBuild } from "@/lib/runtime/next-build";
import { createServices, registerServices } from "@/lib/runtime/services";
import { Shutdown } from "@/lib/runtime/shutdown";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = logger("embedded");
  if (!dev && productionBuildIsStale(root)) {
    log.info("building the dashboard (first run or sources changed); this takes a few minutes once");
    await runNextBuild(root);
  }
  const services = await createServices(config);
  await migrateDatabase(services.database);
  await bootstrapAuth(services.database.db, config, log);
  registerServices(services);

  const app = next({ dev, dir: root, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgradeNext = app.getUpgradeHandler();
  const server = createServer((req, res) => void handle(req, res));
  const authenticate = handshakeAuthenticator(services.database.db, resolveSecrets(config).AUTH_SECRET, { trustedOrigins: [config.PUBLIC_URL] });
  const io = createUiServer(server, authenticate);
  const hub = new MarketHub(authenticate);
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    if (pathname === MARKET_WS_PATH) void hub.handleUpgrade(req, socket, head);
    else if (pathname.startsWith("/_next")) void upgradeNext(req, socket, head);
  });

  const engine = await startEngine({ services, sink: new EmbeddedSink(io, hub), onTrip: (transition) => void alertRiskTransition(alerterOf(services), transition) });
  const jobs = await startJobs(services, logger("jobs"));
  const alertDelivery = startAlertDelivery({ db: services.database.db, config, log: logger("alerts") });
  const shutdown = new Shutdown((msg, extra) => log.info(extra ?? {}, msg));
  shutdown
    .add("stop accepting connections", async () => {
      server.close();
      server.closeIdleConnections();
    })
    .add("stop engine and flush", () => engine.stop())
    .add("stop jobs", () => jobs.close())
    .add("stop alert delivery", () => alertDelivery.stop())
    .add("close realtime", async () => {
      await hub.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    })
    .add("close next", () => app.close())
    .add("close bus and database", async () => {
      await services.bus.close();
      await services.database.close();
    })
    .listen();

  server.listen(config.PORT, config.HOST, () => {
    log.info({ url: `http://${config.HOST}:${config.PORT}`, mode: "embedded", dev }, `ready on http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded mode failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
