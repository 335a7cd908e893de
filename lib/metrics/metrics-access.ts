import { timingSafeEqual } from "node:crypto";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/;

/** Every hop the proxies report is this machine; with no proxy header the caller is local (see clientKey). */
export function isLocalCaller(headers: Pick<Headers, "get">): boolean {
  const hops = [headers.get("x-forwarded-for"), headers.get("x-real-ip")]
    .flatMap((value) => (value ?? "").split(","))
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.every((hop) => LOOPBACK.test(hop));
}

export function hasMetricsToken(authorization: string | null | undefined, token: string | undefined): boolean {
  if (!token || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Metrics reveal trading activity: only this machine or a holder of METRICS_TOKEN may read them. */
export function mayReadMetrics(headers: Pick<Headers, "get">, token: string | undefined, remoteAddress?: string): boolean {
  if (hasMetricsToken(headers.get("authorization"), token)) return true;
  if (remoteAddress !== undefined && !LOOPBACK.test(remoteAddress)) return false;
  return isLocalCaller(headers);
}
