import type { VenueConnectionState, VenueExecution, VenueOrder, VenuePosition } from "@/lib/execution/live-venue";
import { logger } from "@/lib/logger";
import { BybitSocket, type BybitMessage, type BybitSocketOptions, type BybitSocketState } from "@/lib/venues/bybit/bybit-socket";
import { parseExecution, parseOrder, parsePosition } from "@/lib/venues/bybit/private-messages";
import { wsAuthMessage, type BybitCredentials } from "@/lib/venues/bybit/signing";

const log = logger("bybit-private-stream");

export const PRIVATE_TOPICS = ["order", "execution", "position"] as const;

export interface PrivateStreamHandlers {
  order(order: VenueOrder): void;
  execution(execution: VenueExecution): void;
  position(position: VenuePosition): void;
  state(state: VenueConnectionState, detail: string | null): void;
  /** Back after a drop: whatever happened meanwhile was not pushed. */
  reconnected(): void;
}

export type PrivateSocketTuning = Partial<Pick<BybitSocketOptions, "pingIntervalMs" | "deadAfterMs" | "backoff" | "WebSocketImpl">>;

export interface PrivateStreamOptions {
  url: string;
  credentials: BybitCredentials;
  now?: () => number;
  socket?: PrivateSocketTuning;
}

/** Bybit's authenticated order/execution/position stream, parsed into venue types. */
export class BybitPrivateStream {
  private socket: BybitSocket | null = null;
  private authFailure: string | null = null;
  private badRows = 0;

  constructor(private readonly options: PrivateStreamOptions) {}

  start(handlers: PrivateStreamHandlers): void {
    if (this.socket) return;
    this.socket = new BybitSocket({
      url: this.options.url,
      name: "bybit-private",
      ...this.options.socket,
      onOpen: (socket) => this.authenticate(socket, handlers),
      topics: () => PRIVATE_TOPICS,
      onMessage: (message) => this.dispatch(message, handlers),
      onState: (state, detail) => handlers.state(...this.connectionState(state, detail)),
      onReconnected: () => handlers.reconnected(),
    });
    this.socket.start();
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    await socket?.stop();
  }

  lastMessageAt(): number | null {
    return this.socket?.lastMessageAt() ?? null;
  }

  /** Frames and rows that could not be read, dropped and logged. */
  malformed(): number {
    return this.badRows + (this.socket?.malformedFrames() ?? 0);
  }

  private async authenticate(socket: BybitSocket, handlers: PrivateStreamHandlers): Promise<void> {
    try {
      await socket.request(wsAuthMessage(this.options.credentials, (this.options.now ?? Date.now)()));
      this.authFailure = null;
    } catch (error) {
      this.authFailure = `Bybit refused the API key on the private stream: ${error instanceof Error ? error.message : String(error)}`;
      handlers.state("unauthenticated", this.authFailure);
      throw error;
    }
  }

  private connectionState(state: BybitSocketState, detail: string | null): [VenueConnectionState, string | null] {
    if (this.authFailure !== null && state !== "open") return ["unauthenticated", this.authFailure];
    if (state === "open") return ["connected", null];
    return [state === "connecting" ? "connecting" : "disconnected", detail];
  }

  private dispatch(message: BybitMessage, handlers: PrivateStreamHandlers): void {
    const rows = Array.isArray(message.data) ? message.data : [];
    const topic = message.topic.split(".")[0];
    if (topic === "order") this.each(rows, topic, parseOrder, (order) => handlers.order(order));
    else if (topic === "execution") this.each(rows, topic, parseExecution, (execution) => handlers.execution(execution));
    else if (topic === "position") this.each(rows, topic, parsePosition, (position) => handlers.position(position));
  }

  /** A bad row is dropped and logged; the rest of the message still counts. */
  private each<T>(rows: unknown[], topic: string, parse: (row: unknown) => T | null, handler: (value: T) => void): void {
    for (const row of rows) {
      let value: T | null;
      try {
        value = parse(row);
      } catch (error) {
        this.badRows += 1;
        log.warn({ topic, err: error instanceof Error ? error.message : error }, "unreadable private row dropped");
        continue;
      }
      if (value !== null) handler(value);
    }
  }
}
