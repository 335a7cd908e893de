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
  it("runs on every page and file, static files included, and never on the API", () => {
    expect(config.matcher).toHaveLength(1);
    const pattern = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/admin/users", "/signin", "/_next/static/chunks/a.js", "/favicon.ico", "/apis"]) expect(pattern.test(path), path).toBe(true);
    for (const path of ["/api/health", "/api/orders/1", "/api/auth/session"]) expect(pattern.test(path), path).toBe(false);
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
    const response = proxy(request("/signin", { headers: { "x-forwarded-proto": "https" } }));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
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

  it("gains nothing from x-middleware-subrequest: same redirect, and the header is not passed on", () => {
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    expect(proxy(request("/admin", { headers: bypass })).headers.get("location")).toContain("/signin");
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
  const headerRules = async () => {
    // A variable specifier: the .mjs file has no type declarations for the compiler to find.
    const specifier = "../../../next.config.mjs";
    const { default: nextConfig } = (await import(specifier)) as { default: NextConfig };
    return (await nextConfig.headers!()).map((rule) => ({ ...rule, values: Object.fromEntries(rule.headers.map((h) => [h.key, h.value])) }));
  };

  it("repeats the proxy's fixed headers for every path, with a fallback CSP that never breaks a page", async () => {
    const [everyPath] = await headerRules();
    expect(everyPath!.source).toBe("/:path*");
    const { "content-security-policy": fallback, ...fixed } = everyPath!.values;
    expect(fixed).toEqual(STATIC_SECURITY_HEADERS);
    expect(fallback).toBe("object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  });

  it("gives the API, which the proxy skips, a CSP that lets nothing load, and HSTS behind a TLS proxy", async () => {
    const [, apiCsp, apiHsts] = await headerRules();
    expect(apiCsp).toMatchObject({ source: "/api/:path*", values: { "content-security-policy": "default-src 'none'; frame-ancestors 'none'" } });
    expect(apiHsts).toMatchObject({ source: "/api/:path*", values: { "strict-transport-security": "max-age=31536000; includeSubDomains" } });
    expect(apiHsts!.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https(,.*)?" }]);
  });
});
