import { measureLoad, warmUp, type LoadFigures } from "./load";

export const CONNECTIONS = [50, 200] as const;
const SECONDS = 4;
const WARM_UP_CONNECTIONS = 50;

/** What the dashboard and bots read most: liveness, the account's positions, and a candle history. */
export const ROUTES = [
  { path: "/api/health", authenticated: false },
  { path: "/api/positions", authenticated: true },
  { path: "/api/candles?symbol=BTCUSDT&interval=1m&limit=100", authenticated: true },
] as const;

export interface RouteFigures {
  stack: string;
  path: string;
  figures: LoadFigures;
}

export interface Target {
  name: string;
  baseUrl: string;
  apiKey?: string;
}

/** Every route at every concurrency against one running deployment, each route warmed first. */
export async function measureStack(target: Target): Promise<RouteFigures[]> {
  const results: RouteFigures[] = [];
  for (const route of ROUTES) {
    const url = `${target.baseUrl}${route.path}`;
    const headers: Record<string, string> = route.authenticated && target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {};
    await warmUp({ url, connections: WARM_UP_CONNECTIONS, headers });
    for (const connections of CONNECTIONS) {
      results.push({ stack: target.name, path: route.path, figures: await measureLoad({ url, connections, seconds: SECONDS, headers }) });
    }
  }
  return results;
}

/** The body each route returns, for the bare server to send byte for byte. */
export async function captureBodies(target: Target): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const route of ROUTES) {
    const response = await fetch(`${target.baseUrl}${route.path}`, { headers: route.authenticated ? { authorization: `Bearer ${target.apiKey}` } : {} });
    if (response.status !== 200) throw new Error(`${route.path} answered ${response.status}: ${await response.text()}`);
    bodies.set(route.path, await response.text());
  }
  return bodies;
}
