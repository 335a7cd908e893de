import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { Actor } from "@/lib/auth/actor";
import { type ClientToServerEvents, isValidRoom, type ServerToClientEvents, SOCKET_PATH } from "./events";
import { trackSocketClients } from "@/lib/metrics/infrastructure";
import { credentialsFromHeaders, type HandshakeAuthenticator, type HandshakeCredentials, mayJoinRoom, RECHECK_INTERVAL_MS, UNAUTHENTICATED } from "./socket-auth";

interface UiSocketData {
  actor: Actor;
  credentials: HandshakeCredentials;
}

// The third parameter is the inter-server event map, which this server does not use.
export type UiServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, UiSocketData>;
type UiSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, UiSocketData>;

export interface UiServerOptions {
  recheckMs?: number;
}

/**
 * The actor behind a live socket, as the database says now, or undefined after disconnecting it. A failed lookup
 * (database unreachable) keeps the socket: cutting every dashboard off during a blip helps nobody.
 */
async function refreshActor(socket: UiSocket, authenticate: HandshakeAuthenticator): Promise<Actor | undefined> {
  let actor: Actor | undefined;
  try {
    actor = await authenticate(socket.data.credentials);
  } catch {
    return socket.data.actor;
  }
  if (!actor) {
    socket.disconnect(true);
    return undefined;
  }
  socket.data.actor = actor;
  for (const room of socket.rooms) if (isValidRoom(room) && !mayJoinRoom(actor, room)) void socket.leave(room);
  return actor;
}

/**
 * Socket.IO on /ui. Every connection authenticates in the handshake (session cookie or API key) and is checked
 * again every `recheckMs` and on each subscribe, so a disabled user or revoked key stops receiving within a
 * minute. Rooms are joined only through `subscribe`: valid topic names, and account rooms of the actor's account.
 * The dashboard connects with the websocket transport, so a gateway on another origin needs no CORS setup.
 */
export function createUiServer(httpServer: HttpServer, authenticate: HandshakeAuthenticator, options: UiServerOptions = {}): UiServer {
  const io: UiServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // Upgrades for other paths (/ws/market, Next.js HMR) belong to other handlers.
    destroyUpgrade: false,
  });
  io.use((socket, next) => {
    const credentials = credentialsFromHeaders(socket.request.headers, (socket.handshake.auth as { token?: unknown } | undefined)?.token);
    authenticate(credentials).then(
      (actor) => {
        if (!actor) return next(new Error(UNAUTHENTICATED));
        socket.data.actor = actor;
        socket.data.credentials = credentials;
        next();
      },
      () => next(new Error(UNAUTHENTICATED)),
    );
  });
  trackSocketClients(() => io.engine.clientsCount);
  io.on("connection", (socket) => {
    const timer = setInterval(() => void refreshActor(socket, authenticate), options.recheckMs ?? RECHECK_INTERVAL_MS);
    timer.unref();
    socket.on("disconnect", () => clearInterval(timer));
    socket.on("subscribe", async (requested, ack) => {
      const actor = await refreshActor(socket, authenticate);
      if (!actor) return;
      const list = Array.isArray(requested)
        ? requested.filter((r) => typeof r === "string" && isValidRoom(r) && mayJoinRoom(actor, r)).slice(0, 50)
        : [];
      void socket.join(list);
      if (typeof ack === "function") ack(list);
    });
    socket.on("unsubscribe", (requested) => {
      if (!Array.isArray(requested)) return;
      for (const room of requested) if (typeof room === "string") void socket.leave(room);
    });
  });
  return io;
}
