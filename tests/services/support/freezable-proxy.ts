import { createServer, type Server, type Socket, connect } from "node:net";
import type { AddressInfo } from "node:net";

function connectPair([client, upstream]: [Socket, Socket]): void {
  client.pipe(upstream);
  upstream.pipe(client);
}

/**
 * A TCP relay that can stop passing bytes while keeping every connection open: to the client, the server behind
 * it hangs (a partition or a stalled Redis) without the connection dropping.
 */
export class FreezableProxy {
  private readonly pairs = new Set<[Socket, Socket]>();
  private frozen = false;

  private constructor(private readonly server: Server) {}

  static async start(targetHost: string, targetPort: number): Promise<FreezableProxy> {
    let proxy: FreezableProxy | undefined;
    const server = createServer((client) => proxy!.relay(client, connect(targetPort, targetHost)));
    proxy = new FreezableProxy(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  private relay(client: Socket, upstream: Socket): void {
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    if (!this.frozen) connectPair(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) socket.on("close", end).on("error", end);
  }

  /** Reading stops on both sides of every connection, so nothing is relayed until thaw(). */
  freeze(): void {
    this.frozen = true;
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream).pause();
      upstream.unpipe(client).pause();
    }
  }

  thaw(): void {
    this.frozen = false;
    for (const pair of this.pairs) connectPair(pair);
  }

  async close(): Promise<void> {
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
