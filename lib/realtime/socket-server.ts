import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { type ClientToServerEvents, isValidRoom, type ServerToClientEvents, SOCKET_PATH } from "./events";

export type UiServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Socket.IO on /ui. Rooms are joined only through `subscribe`, and only valid topic names. */
/** The dashboard connects with the websocket transport, so a gateway on another origin needs no CORS setup. */
export function createUiServer(httpServer: HttpServer): UiServer {
  const io: UiServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // Upgrades for other paths (/ws/market, Next.js HMR) belong to other handlers.
    destroyUpgrade: false,
  });
  io.on("connection", (socket) => {
    socket.on("subscribe", (requested, ack) => {
      const list = Array.isArray(requested) ? requested.filter((r) => typeof r === "string" && isValidRoom(r)).slice(0, 50) : [];
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
