import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface BareServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The baseline: Node's own HTTP server answering each path with the body the platform returned for it, so both
 * send the same bytes and the difference is what the platform does per request.
 */
export async function startBareServer(bodies: ReadonlyMap<string, string>): Promise<BareServer> {
  const encoded = new Map([...bodies].map(([path, body]) => [path, Buffer.from(body)]));
  const server: Server = createServer((request, response) => {
    const body = encoded.get(request.url ?? "");
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json", "content-length": body.length, "cache-control": "no-store" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
