import { bybitEndpoints, type Config } from "@/lib/config";
import type { BybitVenueOptions } from "@/lib/venues/bybit/bybit-venue";
import type { BybitCredentials } from "@/lib/venues/bybit/signing";

export { BybitVenue, type BybitVenueOptions } from "@/lib/venues/bybit/bybit-venue";
export { testConnection, type ConnectionTestResult } from "@/lib/venues/bybit/test-connection";

type BybitConfig = Pick<Config, "BYBIT_TESTNET" | "BYBIT_WS_PUBLIC_URL" | "BYBIT_WS_PRIVATE_URL" | "BYBIT_REST_URL" | "BYBIT_RECV_WINDOW_MS">;

/** The venue's settings from the config, with the keys the engine resolved (the environment's, else an admin's). */
export function bybitVenueOptions(config: BybitConfig, keys: BybitCredentials): BybitVenueOptions {
  const endpoints = bybitEndpoints(config);
  return { restUrl: endpoints.rest, privateWsUrl: endpoints.privateWs, apiKey: keys.apiKey, apiSecret: keys.apiSecret, recvWindowMs: config.BYBIT_RECV_WINDOW_MS };
}
