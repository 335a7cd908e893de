"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { io } from "socket.io-client";
import { SOCKET_PATH } from "@/lib/realtime/events";
import { RealtimeContext, type AppSocket, type ConnectionState } from "@/lib/client/use-socket";

interface RealtimeProviderProps {
  /** null: the page's own origin. */
  url: string | null;
  children: ReactNode;
}

/** Owns the one Socket.IO connection of the page and the set of rooms components asked for. */
export function RealtimeProvider({ url, children }: RealtimeProviderProps) {
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const socketRef = useRef<AppSocket | null>(null);
  const roomCounts = useRef(new Map<string, number>());

  useEffect(() => {
    const s: AppSocket = io(url ?? undefined, { path: SOCKET_PATH, transports: ["websocket"], autoConnect: false });
    // Connecting on the next task lets React's dev-mode mount/unmount/mount cancel the first socket before it dials.
    const dial = setTimeout(() => s.connect(), 0);
    socketRef.current = s;

    const onConnect = () => {
      setState("live");
      // The server forgets rooms with the old connection, so every (re)connect joins them again.
      const all = [...roomCounts.current.keys()];
      if (all.length > 0) s.emit("subscribe", all);
    };
    const onDisconnect = (reason: string) => {
      if (reason === "io server disconnect") s.connect();
      setState(reason === "io client disconnect" ? "offline" : "reconnecting");
    };
    const onConnectError = () => setState(s.active ? "reconnecting" : "offline");
    const onReconnectFailed = () => setState("offline");

    s.on("connect", onConnect);
    s.on("disconnect", onDisconnect);
    s.on("connect_error", onConnectError);
    s.io.on("reconnect_failed", onReconnectFailed);
    setSocket(s);

    return () => {
      clearTimeout(dial);
      s.off("connect", onConnect);
      s.off("disconnect", onDisconnect);
      s.off("connect_error", onConnectError);
      s.io.off("reconnect_failed", onReconnectFailed);
      s.disconnect();
      socketRef.current = null;
      setSocket(null);
    };
  }, [url]);

  const joinRooms = useCallback((rooms: readonly string[]) => {
    const counts = roomCounts.current;
    const added: string[] = [];
    for (const room of rooms) {
      const n = counts.get(room) ?? 0;
      counts.set(room, n + 1);
      if (n === 0) added.push(room);
    }
    const current = socketRef.current;
    if (added.length > 0 && current?.connected) current.emit("subscribe", added);

    return () => {
      const removed: string[] = [];
      for (const room of rooms) {
        const n = counts.get(room) ?? 0;
        if (n <= 1) {
          counts.delete(room);
          if (n === 1) removed.push(room);
        } else {
          counts.set(room, n - 1);
        }
      }
      const live = socketRef.current;
      if (removed.length > 0 && live?.connected) live.emit("unsubscribe", removed);
    };
  }, []);

  const value = useMemo(() => ({ socket, state, joinRooms }), [socket, state, joinRooms]);
  return <RealtimeContext value={value}>{children}</RealtimeContext>;
}
