import { Pull, Push, Subscriber } from "zeromq";
import { logger } from "@/lib/logger";

const log = logger("mt5-sockets");

export interface BridgeEndpoints {
  host: string;
  pushPort: number;
  pullPort: number;
  subPort: number;
}

export interface BridgeSocketHandlers {
  /** Every non-empty frame from the EA's reply socket. */
  onReply(frame: string): void;
  /** Every non-empty frame from the EA's market-data socket. */
  onMarketData(frame: string): void;
  /** Both the command and the reply socket are connected; `again` is false only the first time. */
  onLinkUp(again: boolean): void;
  /** The command or the reply socket lost its connection. */
  onLinkDown(): void;
}

const RECONNECT_INTERVAL_MS = 250;

/**
 * The three client sockets of the DWX protocol. Commands go out only over a completed connection (`immediate`), and a
 * send that finds no EA within `sendTimeoutMs` fails instead of queueing: a queued OPEN would execute whenever the EA
 * came back. zeromq allows one pending send per socket, so callers serialise send(); each reading socket has exactly
 * one receive loop.
 */
export class BridgeSockets {
  private readonly push: Push;
  private readonly pull: Pull;
  private readonly sub: Subscriber;
  private readonly connected = { push: false, pull: false };
  private linkUps = 0;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly endpoints: BridgeEndpoints,
    sendTimeoutMs: number,
    private readonly handlers: BridgeSocketHandlers,
  ) {
    const common = { linger: 0, reconnectInterval: RECONNECT_INTERVAL_MS };
    this.push = new Push({ ...common, immediate: true, sendTimeout: sendTimeoutMs });
    this.pull = new Pull(common);
    this.sub = new Subscriber(common);
  }

  start(): void {
    const { host, pushPort, pullPort, subPort } = this.endpoints;
    this.watchLink(this.push, "push");
    this.watchLink(this.pull, "pull");
    this.push.connect(`tcp://${host}:${pushPort}`);
    this.pull.connect(`tcp://${host}:${pullPort}`);
    this.sub.connect(`tcp://${host}:${subPort}`);
    this.loops = [receiveLoop(this.pull, "replies", this.handlers.onReply), receiveLoop(this.sub, "market data", this.handlers.onMarketData)];
  }

  /** Rejects (zeromq EAGAIN) when no EA took the frame within the send timeout; the frame is then dropped. */
  send(frame: string): Promise<void> {
    return this.push.send(frame);
  }

  subscribe(prefix: string): void {
    this.sub.subscribe(prefix);
  }

  unsubscribe(prefix: string): void {
    this.sub.unsubscribe(prefix);
  }

  /** Up on the ZMTP handshake rather than the TCP connect: the EA drops replies sent before its side is attached. */
  private watchLink(socket: Push | Pull, side: "push" | "pull"): void {
    socket.events.on("handshake", () => {
      const wasUp = this.linkIsUp();
      this.connected[side] = true;
      if (!wasUp && this.linkIsUp()) this.handlers.onLinkUp(this.linkUps++ > 0);
    });
    socket.events.on("disconnect", () => {
      const wasUp = this.linkIsUp();
      this.connected[side] = false;
      if (wasUp) this.handlers.onLinkDown();
    });
  }

  private linkIsUp(): boolean {
    return this.connected.push && this.connected.pull;
  }

  async close(): Promise<void> {
    for (const socket of [this.push, this.pull, this.sub]) if (!socket.closed) socket.close();
    await Promise.all(this.loops);
  }
}

type Reader = Pull | Subscriber;

async function receiveLoop(socket: Reader, channel: string, onFrame: (frame: string) => void): Promise<void> {
  try {
    for await (const [frame] of socket) {
      // The EA sends an empty frame after every reply.
      if (frame === undefined || frame.length === 0) continue;
      try {
        onFrame(frame.toString("utf8"));
      } catch (error) {
        log.error({ err: error, channel }, "handling a frame from the EA failed");
      }
    }
  } catch (error) {
    if (!socket.closed) log.error({ err: error, channel }, "receive loop from the EA ended");
  }
}
