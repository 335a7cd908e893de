import { Pull, Push } from "zeromq";

const HEARTBEAT_REPLY = "{'_action': 'heartbeat', '_response': 'loud and clear!'}";

/** The least an EA can do: PULL a command, PUSH a fixed heartbeat reply and the empty frame the EA sends after it. */
export class TrivialEcho {
  private readonly commands = new Pull({ linger: 0 });
  private readonly replies = new Push({ linger: 0 });
  private loop: Promise<void> | null = null;

  async bind(host: string): Promise<{ commandPort: number; replyPort: number }> {
    await this.commands.bind(`tcp://${host}:0`);
    await this.replies.bind(`tcp://${host}:0`);
    this.loop = this.echo();
    return { commandPort: portOf(this.commands.lastEndpoint), replyPort: portOf(this.replies.lastEndpoint) };
  }

  async close(): Promise<void> {
    this.commands.close();
    this.replies.close();
    await this.loop;
  }

  private async echo(): Promise<void> {
    try {
      for await (const _command of this.commands) {
        await this.replies.send(HEARTBEAT_REPLY);
        await this.replies.send("");
      }
    } catch {
      // closed
    }
  }
}

/** A bare client: PUSH the command, PULL until the reply (skipping empty frames). No parsing, no matching. */
export class BareClient {
  private readonly push = new Push({ linger: 0, immediate: true });
  private readonly pull = new Pull({ linger: 0 });

  constructor(host: string, ports: { commandPort: number; replyPort: number }) {
    this.push.connect(`tcp://${host}:${ports.commandPort}`);
    this.pull.connect(`tcp://${host}:${ports.replyPort}`);
  }

  async roundTrip(): Promise<void> {
    await this.push.send("HEARTBEAT;");
    for (;;) {
      const [frame] = await this.pull.receive();
      if (frame.length > 0) return;
    }
  }

  close(): void {
    this.push.close();
    this.pull.close();
  }
}

export function portOf(endpoint: string | null): number {
  const port = Number(endpoint?.slice(endpoint.lastIndexOf(":") + 1));
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no TCP port in endpoint ${String(endpoint)}`);
  return port;
}
