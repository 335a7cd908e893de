import type { AccountView, PositionView, RiskView } from "@/lib/domain/account";
import type { Bar, BarInterval, FeedStatus, Tick } from "@/lib/domain/market-data";
import type { Fill, Order } from "@/lib/domain/order";

/** Events the server pushes to browsers on Socket.IO path /ui. */
export interface ServerToClientEvents {
  tick: (tick: Tick) => void;
  bar: (bar: Bar) => void;
  account: (account: AccountView) => void;
  positions: (positions: PositionView[]) => void;
  order: (order: Order) => void;
  fill: (fill: Fill) => void;
  risk: (risk: RiskView) => void;
  feeds: (feeds: FeedStatus[]) => void;
}

export interface ClientToServerEvents {
  subscribe: (rooms: string[], ack?: (joined: string[]) => void) => void;
  unsubscribe: (rooms: string[]) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

/** Room names are topics: one symbol's ticks, one symbol's bars at one interval, one account, the system. */
export const rooms = {
  ticks: (symbol: string) => `ticks.${symbol}`,
  bars: (symbol: string, interval: BarInterval) => `bars.${symbol}.${interval}`,
  account: (accountId: string) => `account.${accountId}`,
  system: "system",
} as const;

const ROOM_PATTERN = /^(ticks\.[A-Z0-9]{2,20}|bars\.[A-Z0-9]{2,20}\.(1s|1m|5m|1h)|account\.[a-z0-9-]{1,40}|system)$/;

export function isValidRoom(room: string): boolean {
  return ROOM_PATTERN.test(room);
}

export const SOCKET_PATH = "/ui";
export const MARKET_WS_PATH = "/ws/market";
