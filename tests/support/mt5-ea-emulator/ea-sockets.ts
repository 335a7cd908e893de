import { Publisher, Pull, Push } from "zeromq";

/** Ports as the CLIENT names them: it pushes commands to `push`, pulls replies from `pull`, subscribes on `sub`. */
export interface EaPorts {
  push: number;
  pull: number;
  sub: number;
}

interface Bound {
  commands: Pull;
  replies: Push;
  market: Publisher;
}

const REBIND_ATTEMPTS = 50;
const REBIND_PAUSE_MS = 20;

/**
 * The EA's three bound sockets. Sends are serialised (zeromq allows one pending send per socket) and never wait:
 * a reply with no client connected is lost, as the EA's non-blocking send loses it.
 */
export class EaSockets {
  private bound: Bound | null = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: string,
    public ports: EaPorts,
  ) {}

  get isUp(): boolean {
    return this.bound !== null;
  }

  /** Binds (port 0: a free one, kept for later rebinds); returns the command socket to read from. */
  async bind(): Promise<Pull> {
    const bound = { commands: new Pull({ linger: 0 }), replies: new Push({ linger: 0, sendTimeout: 0 }), market: new Publisher({ linger: 0 }) };
    this.ports = {
      push: await bindPort(bound.commands, this.host, this.ports.push),
      pull: await bindPort(bound.replies, this.host, this.ports.pull),
      sub: await bindPort(bound.market, this.host, this.ports.sub),
    };
    this.bound = bound;
    return bound.commands;
  }

  async close(): Promise<void> {
    const bound = this.bound;
    if (!bound) return;
    this.bound = null;
    await this.sending;
    for (const socket of [bound.commands, bound.replies, bound.market]) socket.close();
  }

  /** The reply, then the empty frame the EA sends after every reply. */
  sendReply(text: string): Promise<void> {
    return this.enqueue(async () => {
      const replies = this.bound?.replies;
      if (!replies) return;
      await replies.send(text);
      await replies.send("");
    });
  }

  publish(frame: string): Promise<void> {
    return this.enqueue(async () => {
      await this.bound?.market.send(frame);
    });
  }

  /** Resolves once everything queued so far was sent (or dropped). */
  idle(): Promise<void> {
    return this.sending;
  }

  private enqueue(send: () => Promise<void>): Promise<void> {
    const next = this.sending.then(send).catch(() => undefined);
    this.sending = next;
    return next;
  }
}

/** A port just released by an earlier bind of ours can take a moment to be free again. */
async function bindPort(socket: Pull | Push | Publisher, host: string, port: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      await socket.bind(`tcp://${host}:${port === 0 ? "*" : port}`);
      return Number(new URL(socket.lastEndpoint!.replace("tcp://", "http://")).port);
    } catch (error) {
      if (port === 0 || attempt >= REBIND_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, REBIND_PAUSE_MS));
    }
  }
}
