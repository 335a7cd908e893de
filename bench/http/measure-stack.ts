import { measureLoad, type LoadFigures } from "./load";

export const CONNECTIONS = [50, 200] as const;
export const SECONDS = 4;
/**
 * Node accepts one new connection per event-loop turn (strace shows one accept4 per turn), so against a saturated
 * server 200 connections opened at once take seconds to be accepted. Counting starts once they all are.
 */
export const SETTLE_SECONDS: Record<(typeof CONNECTIONS)[number], number> = { 50: 2, 200: 6 };

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

/** Every route at every concurrency against one running deployment. */
export async function measureStack(target: Target): Promise<RouteFigures[]> {
  const results: RouteFigures[] = [];
  for (const route of ROUTES) {
    const url = `${target.baseUrl}${route.path}`;
    const headers: Record<string, string> = route.authenticated && target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {};
    for (const connections of CONNECTIONS) {
      const figures = await measureLoad({ url, connections, settleSeconds: SETTLE_SECONDS[connections], seconds: SECONDS, headers });
      results.push({ stack: target.name, path: route.path, figures });
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
