import { bybitEndpoints, type Config } from "@/lib/config";
import type { BybitVenueOptions } from "@/lib/venues/bybit/bybit-venue";
import type { BybitCredentials } from "@/lib/venues/bybit/signing";

export { BybitVenue, type BybitVenueOptions } from "@/lib/venues/bybit/bybit-venue";
export { testConnection, type ConnectionTestResult } from "@/lib/venues/bybit/test-connection";

type BybitConfig = Pick<Config, "BYBIT_TESTNET" | "BYBIT_WS_PUBLIC_URL" | "BYBIT_WS_PRIVATE_URL" | "BYBIT_REST_URL" | "BYBIT_API_KEY" | "BYBIT_API_SECRET" | "BYBIT_RECV_WINDOW_MS">;

/** The venue's settings from the config; keys stored by an admin win over BYBIT_API_KEY / BYBIT_API_SECRET. */
export function bybitVenueOptions(config: BybitConfig, storedKeys?: BybitCredentials): BybitVenueOptions {
  const apiKey = storedKeys?.apiKey ?? config.BYBIT_API_KEY;
  const apiSecret = storedKeys?.apiSecret ?? config.BYBIT_API_SECRET;
  if (!apiKey || !apiSecret) throw new Error("Bybit orders need an API key and secret (BYBIT_API_KEY and BYBIT_API_SECRET, or keys stored by an admin)");
  const endpoints = bybitEndpoints(config);
  return { restUrl: endpoints.rest, privateWsUrl: endpoints.privateWs, apiKey, apiSecret, recvWindowMs: config.BYBIT_RECV_WINDOW_MS };
}
