/**
 * Runs before every page and file request (Next.js 16 proxy, Node.js runtime): security headers with a per-request
 * CSP nonce, and a sign-in redirect for pages without a session cookie. It is NOT an authorization boundary: every
 * page, route handler and server action checks the caller itself, so skipping this file (CVE-2025-29927) would lose
 * headers, never access control. The API is left out: its headers are static (next.config.mjs) and its route
 * handlers refuse cross-site mutations themselves (lib/server/security/cross-site-guard.ts).
 */
import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { buildContentSecurityPolicy, createNonce, safeHost } from "@/lib/server/security/content-security-policy";
import { requestIsTls, securityHeaders } from "@/lib/server/security/security-headers";
import { signInRedirectPath } from "@/lib/server/security/sign-in-redirect";

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const config = getConfig();
  const { pathname, search } = request.nextUrl;
  const host = request.headers.get("host");
  const tls = requestIsTls({ forwardedProto: request.headers.get("x-forwarded-proto"), urlProtocol: request.nextUrl.protocol, publicUrl: config.PUBLIC_URL });
  const csp = buildContentSecurityPolicy({
    nonce: createNonce(), host: safeHost(host), realtimeUrl: config.NEXT_PUBLIC_REALTIME_URL, development: config.NODE_ENV === "development", tls,
  });
  const headers = securityHeaders({ csp, tls });

  const signIn = signInRedirectPath({
    method: request.method, pathname, search, cookieNames: request.cookies.getAll().map((c) => c.name), isRsc: request.headers.has("rsc"),
  });
  // Absolute as Next.js requires; it makes a same-host Location relative again on the way out.
  if (signIn) return withHeaders(NextResponse.redirect(new URL(signIn, request.nextUrl)), headers);

  // Next.js takes the nonce for its own scripts from the CSP on the request it renders.
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  forwarded.delete("x-middleware-subrequest");
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

export const config = {
  // Every path but the API's, static files included, so every page and file carries the nonce CSP.
  matcher: ["/((?!api/).*)"],
};
