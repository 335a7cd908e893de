import type { ServerEventName, ServerEventPayload } from "./events";
import type { MarketHub } from "./market-hub";
import type { RealtimeSink } from "./sink";
import type { UiServer } from "./socket-server";

/** Embedded mode: the engine emits straight into the Socket.IO server and the market hub of its own process. */
export class EmbeddedSink implements RealtimeSink {
  constructor(private readonly io: UiServer, private readonly hub: MarketHub) {}

  emit<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void {
    (this.io.to(room).emit as (e: string, p: unknown) => boolean)(event, payload);
  }

  market(channel: string, data: unknown): void {
    this.hub.broadcast(channel, data);
  }

  async close(): Promise<void> {}
}
