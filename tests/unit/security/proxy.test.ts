import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
import { config, proxy } from "@/proxy";
import { STATIC_SECURITY_HEADERS } from "@/lib/server/security/security-headers";
import { signInRedirectPath } from "@/lib/server/security/sign-in-redirect";

const ORIGIN = "http://127.0.0.1:3000";
const SESSION = "next-auth.session-token=anything";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}): NextRequest {
  return new NextRequest(new URL(path, ORIGIN), { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } });
}

// NextResponse.next({ request: { headers } }) hands the rewritten request headers to Next.js in these.
function forwardedRequestHeaders(response: Response): Map<string, string> {
  const names = response.headers.get("x-middleware-override-headers")?.split(",") ?? [];
  return new Map(names.map((n) => [n, response.headers.get(`x-middleware-request-${n}`) ?? ""]));
}

describe("proxy", () => {
  it("runs on every path, static files included", () => {
    expect(config.matcher).toEqual(["/:path*"]);
  });

  it("puts the security headers on the response and the same CSP on the request Next.js renders", () => {
    const response = proxy(request("/", { headers: { cookie: SESSION } }));
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(forwardedRequestHeaders(response).get("content-security-policy")).toBe(csp);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("uses a new nonce for every request", () => {
    const a = proxy(request("/", { headers: { cookie: SESSION } })).headers.get("content-security-policy");
    const b = proxy(request("/", { headers: { cookie: SESSION } })).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it("adds HSTS when a TLS-terminating proxy forwarded the request", () => {
    const response = proxy(request("/api/health", { headers: { "x-forwarded-proto": "https" } }));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("refuses a cookie-authenticated cross-site mutation with 403 CSRF_REJECTED, headers included", async () => {
    const response = proxy(request("/api/orders", { method: "POST", headers: { cookie: SESSION, origin: "http://evil.example" } }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "CSRF_REJECTED" } });
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("passes a same-origin mutation, a bearer-key call and next-auth's own endpoints on to the handlers", () => {
    expect(proxy(request("/api/orders", { method: "POST", headers: { cookie: SESSION, origin: ORIGIN } })).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(request("/api/orders", { method: "DELETE", headers: { authorization: "Bearer tf_x", origin: "http://evil.example" } })).status).toBe(200);
    expect(proxy(request("/api/auth/signout", { method: "POST", headers: { origin: "http://evil.example" } })).status).toBe(200);
  });

  it("sends a page request without any session cookie to /signin, and only that", () => {
    const response = proxy(request("/admin/users?page=2"));
    expect(response.status).toBe(307);
    // NextURL spells 127.0.0.1 as localhost; Next.js turns a same-host Location relative on the way out.
    const location = new URL(response.headers.get("location")!);
    expect(`${location.pathname}${location.search}`).toBe("/signin?callbackUrl=%2Fadmin%2Fusers%3Fpage%3D2");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    for (const path of ["/signin", "/api/orders", "/_next/static/chunks/a.js", "/favicon.ico"]) {
      expect(proxy(request(path)).headers.get("location"), path).toBeNull();
    }
  });

  it("gains nothing from x-middleware-subrequest: same redirect, same refusal, and the header is not passed on", () => {
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    expect(proxy(request("/admin", { headers: bypass })).headers.get("location")).toContain("/signin");
    expect(proxy(request("/api/orders", { method: "POST", headers: { ...bypass, cookie: SESSION, origin: "http://evil.example" } })).status).toBe(403);
    const passed = proxy(request("/", { headers: { ...bypass, cookie: SESSION } }));
    expect(forwardedRequestHeaders(passed).has("x-middleware-subrequest")).toBe(false);
  });
});

describe("signInRedirectPath", () => {
  const page = { method: "GET", pathname: "/", search: "", cookieNames: [] as string[], isRsc: false };

  it("is a convenience for page loads without a session cookie", () => {
    expect(signInRedirectPath(page)).toBe("/signin?callbackUrl=%2F");
    expect(signInRedirectPath({ ...page, cookieNames: ["next-auth.session-token"] })).toBeUndefined();
    expect(signInRedirectPath({ ...page, cookieNames: ["__Secure-next-auth.session-token.0"] })).toBeUndefined();
    expect(signInRedirectPath({ ...page, cookieNames: ["other"] })).toBe("/signin?callbackUrl=%2F");
  });

  it("never touches mutations, client navigations, sign-in, the API, Next.js assets or files", () => {
    expect(signInRedirectPath({ ...page, method: "POST" })).toBeUndefined();
    expect(signInRedirectPath({ ...page, isRsc: true })).toBeUndefined();
    for (const pathname of ["/signin", "/api/health", "/api/auth/session", "/_next/static/x.js", "/robots.txt", "/.well-known/security.txt"]) {
      expect(signInRedirectPath({ ...page, pathname }), pathname).toBeUndefined();
    }
  });
});

describe("next.config.mjs", () => {
  it("repeats the proxy's fixed headers for every path, with a fallback CSP that never breaks a page", async () => {
    // A variable specifier: the .mjs file has no type declarations for the compiler to find.
    const specifier = "../../../next.config.mjs";
    const { default: nextConfig } = (await import(specifier)) as { default: NextConfig };
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.source).toBe("/:path*");
    const headers = Object.fromEntries(rules[0]!.headers.map((h) => [h.key, h.value]));
    const { "content-security-policy": fallback, ...fixed } = headers;
    expect(fixed).toEqual(STATIC_SECURITY_HEADERS);
    expect(fallback).toBe("object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  });
});
