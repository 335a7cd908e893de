import type { Config } from "@/lib/config";
import { logger } from "@/lib/logger";
import { closeRegistered } from "./closers";
import { HttpDrain } from "./http-drain";
import { announceReady } from "./process-ready";
import { createServices, getServices } from "./services";
import { Shutdown } from "./shutdown";

// Long enough for a request in flight and for idle keep-alive connections to time out (Node tells clients 5 s and
// closes at 6 s); Shutdown's own deadline (15 s) and PM2's kill timeout (20 s) come after it.
const DRAIN_DEADLINE_MS = 10_000;

/**
 * A split-mode `next start` process (from instrumentation.ts): opens the database and Redis clients before telling
 * a process manager it is ready, and, when Next.js leaves the signals to the application (NEXT_MANUAL_SIG_HANDLE),
 * shuts down on SIGINT/SIGTERM in order: drain HTTP, then close what the requests used.
 */
export async function startWebProcess(config: Config, signalsAreOurs: boolean): Promise<void> {
  const log = logger("web");
  // Before anything awaits: the drain must see every request this process answers.
  const http = signalsAreOurs ? new HttpDrain() : undefined;
  const services = await getServices(() => createServices(config));
  if (http) {
    new Shutdown((msg, extra) => log.info(extra ?? {}, msg))
      .add("drain http", async () => log.info(await http.drain(DRAIN_DEADLINE_MS), "http drained"))
      .add("close connections", async () => {
        const closed = await closeRegistered((name, err) => log.warn({ err, name }, "closing a connection failed"));
        await services.bus.close();
        await services.database.close();
        log.info({ closed: [...closed, "bus", "database"] }, "connections closed");
      })
      .listen();
  } else {
    log.warn("NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next.js drops idle keep-alive connections at once and exits without closing the database and Redis");
  }
  log.info({ drainsOnSignal: Boolean(http) }, "web process ready");
  announceReady();
}
