import type { ServerEventName, ServerEventPayload } from "./events";

/** Where the engine sends live updates: browsers (Socket.IO rooms) and programs (/ws/market channels). */
export interface RealtimeSink {
  emit<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void;
  /** Market data for /ws/market; the channel equals the Socket.IO room name. */
  market(channel: string, data: unknown): void;
  close(): Promise<void>;
}

export const MARKET_TOPIC = "market";

export interface MarketMessage {
  channel: string;
  data: unknown;
}
