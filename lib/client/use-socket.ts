"use client";

import { createContext, useContext, useEffect, useEffectEvent } from "react";
import type { Socket } from "socket.io-client";
import type {
  ClientToServerEvents,
  ServerEventName,
  ServerEventPayload,
  ServerToClientEvents,
} from "@/lib/realtime/events";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** connecting: first attempt; live: connected; reconnecting: lost and retrying; offline: gave up. */
export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

export interface RealtimeContextValue {
  socket: AppSocket | null;
  state: ConnectionState;
  /** Ref-counted room membership; the returned function leaves. */
  joinRooms: (rooms: readonly string[]) => () => void;
}

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);

function useRealtimeContext(): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error("Realtime hooks must be used inside <RealtimeProvider>");
  return value;
}

export function useSocket(): AppSocket | null {
  return useRealtimeContext().socket;
}

export function useConnectionState(): ConnectionState {
  return useRealtimeContext().state;
}

/** Listens to one server event for the component's lifetime; the handler may change every render. */
export function useSocketEvent<E extends ServerEventName>(
  event: E,
  handler: (payload: ServerEventPayload<E>) => void,
): void {
  const { socket } = useRealtimeContext();
  const onEvent = useEffectEvent(handler);

  useEffect(() => {
    if (!socket) return;
    // socket.io's listener typing cannot be resolved for a generic event name; narrow it to this one event.
    const typed = socket as unknown as {
      on(event: E, listener: (payload: ServerEventPayload<E>) => void): void;
      off(event: E, listener: (payload: ServerEventPayload<E>) => void): void;
    };
    const listener = (payload: ServerEventPayload<E>) => onEvent(payload);
    typed.on(event, listener);
    return () => typed.off(event, listener);
  }, [socket, event]);
}

/** Joins rooms while mounted. The provider re-subscribes them after every reconnect. */
export function useRooms(rooms: readonly string[]): void {
  const { joinRooms } = useRealtimeContext();
  const key = rooms.join("|");

  useEffect(() => {
    if (!key) return;
    return joinRooms(key.split("|"));
  }, [joinRooms, key]);
}
