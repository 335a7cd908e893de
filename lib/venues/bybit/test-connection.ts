import { VenueRejected } from "@/lib/execution/live-venue";
import { BybitRestClient } from "@/lib/venues/bybit/rest-client";

export interface BybitConnectionTestOptions {
  restUrl: string;
  apiKey?: string;
  apiSecret?: string;
  recvWindowMs: number;
  timeoutMs?: number;
  now?: () => number;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** Round trip of the server-time call; null when Bybit could not be reached. */
  latencyMs: number | null;
  /** What an admin reads next to the button. */
  detail: string;
}

const REJECTION_WORDS: Record<string, string> = {
  "10002": "this computer's clock is outside Bybit's receive window",
  "10003": "API key rejected",
  "10004": "API secret does not match the key (signature rejected)",
  "10005": "API key lacks the permission for this",
  "10010": "this IP address is not on the API key's allow-list",
};

/** Reaches Bybit (server time) and, with keys, makes one signed read (wallet balance) to prove them. */
export async function testConnection(options: BybitConnectionTestOptions): Promise<ConnectionTestResult> {
  const now = options.now ?? Date.now;
  const credentials = options.apiKey && options.apiSecret ? { apiKey: options.apiKey, apiSecret: options.apiSecret } : null;
  const rest = new BybitRestClient({ baseUrl: options.restUrl, credentials, recvWindowMs: options.recvWindowMs, timeoutMs: options.timeoutMs ?? 10_000, now });
  const startedAt = now();
  let skewMs: number;
  try {
    skewMs = await rest.syncClock();
  } catch (error) {
    return { ok: false, latencyMs: null, detail: `Cannot reach Bybit at ${options.restUrl}: ${describe(error)}` };
  }
  const latencyMs = now() - startedAt;
  const skew = Math.abs(skewMs) > 1_000 ? `; this computer's clock is ${skewMs} ms off Bybit's (corrected when signing)` : "";
  if (!credentials) return { ok: true, latencyMs, detail: `Bybit answered in ${latencyMs} ms${skew}; no API key configured, so no orders can be sent` };
  try {
    await rest.get("/v5/account/wallet-balance", { accountType: "UNIFIED" });
  } catch (error) {
    return { ok: false, latencyMs, detail: describe(error) };
  }
  return { ok: true, latencyMs, detail: `Bybit answered in ${latencyMs} ms${skew}; API key accepted` };
}

function describe(error: unknown): string {
  if (error instanceof VenueRejected && REJECTION_WORDS[error.code]) return `${REJECTION_WORDS[error.code]} (retCode ${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
