import { SESSION_COOKIES } from "@/lib/auth/session-token";

export interface PageRequest {
  method: string;
  pathname: string;
  search: string;
  cookieNames: readonly string[];
  /** A client-side navigation's RSC fetch: the page's own redirect() handles it better than an HTTP redirect. */
  isRsc: boolean;
}

const PUBLIC_PREFIXES = ["/signin", "/api", "/_next", "/.well-known"];

const isUnder = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * Where to send a page request that carries no session cookie at all: the sign-in page, coming back afterwards.
 * A convenience only, never a check: the cookie is not verified here, and every page, route handler and server
 * action authorizes the caller itself (CVE-2025-29927 showed a proxy can be skipped).
 */
export function signInRedirectPath(request: PageRequest): string | undefined {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  if (request.isRsc || PUBLIC_PREFIXES.some((p) => isUnder(request.pathname, p))) return undefined;
  // Files (favicon.ico, robots.txt, public/*) are public.
  if (/\.[A-Za-z0-9]+$/.test(request.pathname)) return undefined;
  // next-auth splits a large session into name.0, name.1, ...
  const hasSession = request.cookieNames.some((name) => SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`)));
  if (hasSession) return undefined;
  return `/signin?callbackUrl=${encodeURIComponent(`${request.pathname}${request.search}`)}`;
}
