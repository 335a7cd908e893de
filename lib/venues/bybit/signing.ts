import { createHmac } from "node:crypto";

/** The header names Bybit v5 reads on a signed REST request. */
export const BYBIT_AUTH_HEADERS = {
  apiKey: "X-BAPI-API-KEY",
  timestamp: "X-BAPI-TIMESTAMP",
  recvWindow: "X-BAPI-RECV-WINDOW",
  sign: "X-BAPI-SIGN",
} as const;

/** How long a private-stream auth message stays valid (Bybit's examples use a few seconds ahead). */
export const WS_AUTH_VALID_MS = 10_000;

export interface BybitCredentials {
  apiKey: string;
  apiSecret: string;
}

function hmacHex(secret: string, message: string): string {
  return createHmac("sha256", secret).update(message).digest("hex");
}

/**
 * X-BAPI-SIGN: hex HMAC-SHA256 over timestamp + apiKey + recvWindow + payload, where the payload is the
 * query string exactly as sent (GET) or the raw JSON body (POST).
 */
export function restSignature(secret: string, timestamp: number, apiKey: string, recvWindowMs: number, payload: string): string {
  return hmacHex(secret, `${timestamp}${apiKey}${recvWindowMs}${payload}`);
}

export function signedHeaders(credentials: BybitCredentials, timestamp: number, recvWindowMs: number, payload: string): Record<string, string> {
  return {
    [BYBIT_AUTH_HEADERS.apiKey]: credentials.apiKey,
    [BYBIT_AUTH_HEADERS.timestamp]: String(timestamp),
    [BYBIT_AUTH_HEADERS.recvWindow]: String(recvWindowMs),
    [BYBIT_AUTH_HEADERS.sign]: restSignature(credentials.apiSecret, timestamp, credentials.apiKey, recvWindowMs, payload),
  };
}

/** The private-stream signature: hex HMAC-SHA256 over "GET/realtime" + expires (ms). */
export function wsAuthSignature(secret: string, expires: number): string {
  return hmacHex(secret, `GET/realtime${expires}`);
}

export function wsAuthMessage(credentials: BybitCredentials, now: number): { op: "auth"; args: [string, number, string] } {
  const expires = now + WS_AUTH_VALID_MS;
  return { op: "auth", args: [credentials.apiKey, expires, wsAuthSignature(credentials.apiSecret, expires)] };
}

/** Query string in the given key order, skipping undefined values; this exact text is what gets signed. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.append(key, String(value));
  return search.toString();
}
