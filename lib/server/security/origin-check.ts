/**
 * Cross-site request forgery defence for cookie-authenticated requests: the browser, not the page, writes Origin,
 * Sec-Fetch-Site and Referer, so a page on another origin cannot pretend to be ours. SameSite=Lax alone is not
 * enough: http://localhost:8081 and http://localhost:3000 are the same *site*, and Lax cookies flow between them.
 */

export interface OriginPolicy {
  /** host[:port] values naming this server as the browser reached it (Host, X-Forwarded-Host). */
  hosts: readonly (string | null | undefined)[];
  /** Whole origins trusted besides (PUBLIC_URL). */
  trustedOrigins: readonly (string | null | undefined)[];
  /** Trust any port of a trusted hostname: a split realtime gateway does not know the web's port without PUBLIC_URL. */
  anyPort?: boolean;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

export interface RequestOriginHeaders {
  origin: string | null;
  secFetchSite: string | null;
  referer: string | null;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function parseOrigin(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

// Browsers leave the default port out of Host, and some proxies put it in.
const normalizeHost = (host: string) => host.trim().toLowerCase().replace(/:(80|443)$/, "");
const hostnameOf = (host: string) => normalizeHost(host).replace(/:\d+$/, "");

/** Whether a browser origin (or a Referer's origin) is this app's own. */
export function isAllowedOrigin(value: string, policy: OriginPolicy): boolean {
  const origin = parseOrigin(value);
  if (!origin) return false;
  const hosts = policy.hosts.flatMap((h) => (h ? h.split(",").map(normalizeHost) : []));
  const trusted = policy.trustedOrigins.flatMap((o) => (o ? [parseOrigin(o)] : [])).filter((u): u is URL => u !== undefined);
  const host = normalizeHost(origin.host);
  if (hosts.includes(host) || trusted.some((t) => t.origin === origin.origin)) return true;
  if (!policy.anyPort) return false;
  const hostname = hostnameOf(origin.host);
  return hosts.some((h) => hostnameOf(h) === hostname) || trusted.some((t) => t.hostname === hostname);
}

/**
 * Origin when the browser sent one; without it (older browsers, some redirects), Sec-Fetch-Site, then Referer.
 * A request with none of them is not from a browser page, and carries only credentials its sender already holds.
 */
export function checkRequestOrigin(headers: RequestOriginHeaders, policy: OriginPolicy): OriginVerdict {
  if (headers.origin !== null) {
    if (headers.origin === "null") return { ok: false, reason: "the request came from an opaque origin (sandboxed frame or privacy redirect)" };
    return isAllowedOrigin(headers.origin, policy) ? { ok: true } : { ok: false, reason: `origin ${headers.origin.slice(0, 100)} is not this application` };
  }
  const site = headers.secFetchSite?.toLowerCase();
  if (site === "cross-site" || site === "same-site") return { ok: false, reason: `the browser marked the request ${site}` };
  if (site === "same-origin" || site === "none") return { ok: true };
  if (headers.referer) return isAllowedOrigin(headers.referer, policy) ? { ok: true } : { ok: false, reason: "the referring page is not this application" };
  return { ok: true };
}

/**
 * Which requests the proxy checks: state-changing /api calls that a cookie could authenticate. A bearer key is
 * never sent by a browser on its own, and next-auth guards /api/auth/* with its own CSRF token.
 */
/** POST, PUT, PATCH and DELETE: the methods a forged cross-site request could use to change something. */
export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

export function needsOriginCheck(params: { method: string; pathname: string; authorization: string | null }): boolean {
  if (!isStateChanging(params.method)) return false;
  if (params.pathname !== "/api" && !params.pathname.startsWith("/api/")) return false;
  if (params.pathname === "/api/auth" || params.pathname.startsWith("/api/auth/")) return false;
  return !params.authorization?.startsWith("Bearer ");
}
