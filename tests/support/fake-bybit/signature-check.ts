import { createHmac, timingSafeEqual } from "node:crypto";

export interface FakeCredentials {
  apiKey: string;
  apiSecret: string;
}

export type SignatureVerdict = { ok: true; apiKey: string } | { ok: false; retCode: number; retMsg: string };

function hmacHex(secret: string, message: string): string {
  return createHmac("sha256", secret).update(message).digest("hex");
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Checks a signed REST request the way Bybit does: known key (10003), timestamp within
 * server_time - recv_window <= timestamp < server_time + 1000 (10002), HMAC over
 * timestamp + key + recvWindow + payload (10004).
 */
export function checkRestSignature(
  headers: Record<string, string | string[] | undefined>, payload: string, secrets: ReadonlyMap<string, string>, serverTime: number,
): SignatureVerdict {
  const header = (name: string) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const apiKey = header("X-BAPI-API-KEY");
  const timestamp = header("X-BAPI-TIMESTAMP");
  const sign = header("X-BAPI-SIGN");
  const recvWindow = header("X-BAPI-RECV-WINDOW") ?? "5000";
  if (!apiKey || !secrets.has(apiKey)) return { ok: false, retCode: 10003, retMsg: "API key is invalid." };
  if (!timestamp || !/^\d+$/.test(timestamp) || !sign) return { ok: false, retCode: 10004, retMsg: "error sign! missing timestamp or sign" };
  const ts = Number(timestamp);
  if (ts < serverTime - Number(recvWindow) || ts >= serverTime + 1000) {
    return { ok: false, retCode: 10002, retMsg: `invalid request, please check your server timestamp or recv_window param. req_timestamp[${ts}],server_timestamp[${serverTime}],recv_window[${recvWindow}]` };
  }
  const origin = `${timestamp}${apiKey}${recvWindow}${payload}`;
  if (!same(hmacHex(secrets.get(apiKey)!, origin), sign)) return { ok: false, retCode: 10004, retMsg: `error sign! origin_string[${origin}]` };
  return { ok: true, apiKey };
}

/** The private-stream auth: args [apiKey, expires, hex HMAC("GET/realtime" + expires)], expires in the future. */
export function checkWsAuth(args: unknown, secrets: ReadonlyMap<string, string>, serverTime: number): SignatureVerdict {
  if (!Array.isArray(args) || args.length !== 3) return { ok: false, retCode: 10001, retMsg: "Params Error" };
  const [apiKey, expires, sign] = args as [unknown, unknown, unknown];
  if (typeof apiKey !== "string" || !secrets.has(apiKey)) return { ok: false, retCode: 10003, retMsg: "Request not authorized" };
  if (typeof expires !== "number" || expires <= serverTime) return { ok: false, retCode: 10002, retMsg: "Params Error" };
  if (typeof sign !== "string" || !same(hmacHex(secrets.get(apiKey)!, `GET/realtime${expires}`), sign)) {
    return { ok: false, retCode: 10004, retMsg: "Request not authorized" };
  }
  return { ok: true, apiKey };
}
