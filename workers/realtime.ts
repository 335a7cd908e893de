/**
 * Split mode realtime gateway (`npm run start:realtime`): Socket.IO on /ui with the Redis adapter (the engine
 * emits through the Redis emitter) and /ws/market fed from the bus.
 */
import { createServer } from "node:http";
import { resolveSecrets } from "@/lib/auth/local-secrets";
import { createBus } from "@/lib/bus/create-bus";
import { createDatabase } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { serveMetrics } from "@/lib/metrics/serve-metrics";
import { MARKET_WS_PATH } from "@/lib/realtime/events";
import { MarketHub } from "@/lib/realtime/market-hub";
import { attachRedisAdapter } from "@/lib/realtime/redis-adapter";
import { handshakeAuthenticator } from "@/lib/realtime/socket-auth";
import { MARKET_TOPIC, type MarketMessage } from "@/lib/realtime/sink";
import { createUiServer } from "@/lib/realtime/socket-server";
import { loadConfigOrExit } from "@/lib/runtime/exit-on-config-error";
import { announceReady } from "@/lib/runtime/process-ready";
import { requireSplitServices } from "@/lib/runtime/require-split";
import { Shutdown } from "@/lib/runtime/shutdown";

async function main(): Promise<void> {
  const config = requireSplitServices(loadConfigOrExit(), "realtime gateway");
  const log = logger("realtime");
  const server = createServer((_req, res) => {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: "realtime gateway: use /ui or /ws/market" } }));
  });
  // Connections authenticate against the users and API keys in the database, like the web does.
  const database = await createDatabase(config);
  // The gateway is another origin than the web; without PUBLIC_URL it cannot know the web's port.
  const authenticate = handshakeAuthenticator(database.db, resolveSecrets(config).AUTH_SECRET, { trustedOrigins: [config.PUBLIC_URL], anyPort: !config.PUBLIC_URL });
  const io = createUiServer(server, authenticate);
  const adapter = attachRedisAdapter(io, config.REDIS_URL);
  const hub = new MarketHub(authenticate);
  server.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://x").pathname === MARKET_WS_PATH) void hub.handleUpgrade(req, socket, head);
  });
  const bus = await createBus(config);
  await bus.subscribe(MARKET_TOPIC, (message) => {
    const { channel, data } = message as MarketMessage;
    hub.broadcast(channel, data);
  });

  const metrics = await serveMetrics({ name: "realtime", host: config.HOST, token: config.METRICS_TOKEN, port: config.METRICS_PORT });
  new Shutdown((msg, extra) => log.info(extra ?? {}, msg))
    .add("stop accepting", async () => {
      server.close();
      metrics?.close();
    })
    .add("close sockets", async () => {
      await hub.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    })
    .add("close redis", async () => {
      await bus.close();
      await adapter.close();
    })
    .add("close database", () => database.close())
    .listen();

  server.listen(config.REALTIME_PORT, config.HOST, () => {
    log.info({ port: config.REALTIME_PORT }, `realtime gateway ready on ${config.HOST}:${config.REALTIME_PORT}`);
    announceReady();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`realtime gateway failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
