import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";

const REQUEST_START = "http.server.request.start";

type RequestStart = { request: IncomingMessage; response: ServerResponse; server: Server };

export interface DrainResult {
  /** How long until the last connection ended (or the deadline). */
  ms: number;
  /** Requests still running at the signal; each was answered before its connection closed. */
  inFlightAtStart: number;
  /** Connections cut at the deadline because they neither sent a request nor went quiet long enough. */
  forcedClose: boolean;
}

/**
 * Drains the HTTP server of a process that does not own it (`next start` creates it): Node's diagnostics channel
 * shows every request with its server, so the drain knows both.
 *
 * A drain stops accepting connections, answers every request from then on with `Connection: close` and waits until
 * the clients' connections are gone. Idle keep-alive connections are left to the server's keep-alive timeout:
 * closing them at once (what http.Server#close does) races a client that is sending its next request on one,
 * whereas clients see the timeout in the Keep-Alive header and retire the connection before it.
 */
export class HttpDrain {
  private readonly servers = new Set<Server>();
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private readonly onRequest = (message: unknown) => this.track(message as RequestStart);

  constructor() {
    subscribe(REQUEST_START, this.onRequest);
  }

  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  private track({ response, server }: RequestStart): void {
    this.servers.add(server);
    this.inFlight.add(response);
    response.once("close", () => this.inFlight.delete(response));
    if (this.draining) lastOnItsConnection(response);
  }

  /** Resolves when every connection ended, or at the deadline after cutting the ones left. */
  async drain(deadlineMs: number): Promise<DrainResult> {
    const startedAt = Date.now();
    this.draining = true;
    const inFlightAtStart = this.inFlight.size;
    for (const response of this.inFlight) lastOnItsConnection(response);
    const closed = Promise.all([...this.servers].map(stopAccepting));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"deadline">((resolve) => {
      timer = setTimeout(() => resolve("deadline"), deadlineMs);
    });
    const outcome = await Promise.race([closed.then(() => "closed" as const), deadline]);
    clearTimeout(timer);
    if (outcome === "deadline") for (const server of this.servers) server.closeAllConnections();
    unsubscribe(REQUEST_START, this.onRequest);
    return { ms: Date.now() - startedAt, inFlightAtStart, forcedClose: outcome === "deadline" };
  }
}

function lastOnItsConnection(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader("connection", "close");
}

/** net.Server's close: stop listening (a cluster worker leaves the primary's rotation) and call back when the last connection ended. */
function stopAccepting(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    NetServer.prototype.close.call(server, () => resolve());
  });
}
