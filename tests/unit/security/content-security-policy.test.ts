import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce, type CspOptions, safeHost } from "@/lib/server/security/content-security-policy";
import { HSTS_VALUE, requestIsTls, securityHeaders } from "@/lib/server/security/security-headers";

const base: CspOptions = { nonce: "abc123+/==", host: "app.example:3000", development: false, tls: false };

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("content security policy", () => {
  it("lets scripts run only with the request's nonce, and their chunks through 'strict-dynamic'", () => {
    const script = directives(buildContentSecurityPolicy(base)).get("script-src");
    expect(script).toEqual(["'self'", "'nonce-abc123+/=='", "'strict-dynamic'"]);
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
  });

  it("is the policy Next.js reads its nonce from (so it stamps its own scripts with it)", () => {
    expect(getScriptNonceFromHeader(buildContentSecurityPolicy(base))).toBe("abc123+/==");
  });

  it("allows 'unsafe-eval' in development only (React's dev tooling)", () => {
    expect(directives(buildContentSecurityPolicy({ ...base, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("forbids plugins, <base> rewrites, framing and foreign form targets", () => {
    const d = directives(buildContentSecurityPolicy(base));
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("allows inline styles (chart libraries) without a nonce, which would switch 'unsafe-inline' off", () => {
    const style = directives(buildContentSecurityPolicy(base)).get("style-src");
    expect(style).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("connects to its own host over ws/wss and to the realtime gateway origin", () => {
    const connect = directives(buildContentSecurityPolicy({ ...base, realtimeUrl: "https://rt.example:8443/" })).get("connect-src");
    expect(connect).toEqual(["'self'", "ws://app.example:3000", "wss://app.example:3000", "https://rt.example:8443", "wss://rt.example:8443"]);
    expect(directives(buildContentSecurityPolicy({ ...base, host: null })).get("connect-src")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only when served over TLS", () => {
    expect(directives(buildContentSecurityPolicy(base)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(buildContentSecurityPolicy({ ...base, tls: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("keeps a Host header that could inject directives out of the policy", () => {
    expect(safeHost("app.example:3000")).toBe("app.example:3000");
    expect(safeHost("[::1]:3000")).toBe("[::1]:3000");
    expect(safeHost("evil.example; script-src *")).toBeNull();
    expect(safeHost("a b")).toBeNull();
    expect(safeHost(null)).toBeNull();
  });

  it("makes a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("security headers", () => {
  it("sends HSTS only over TLS", () => {
    expect(securityHeaders({ csp: "x", tls: false })["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ csp: "x", tls: true })["strict-transport-security"]).toBe(HSTS_VALUE);
    expect(HSTS_VALUE).toMatch(/max-age=(\d{8,})/);
    expect(Number(/max-age=(\d+)/.exec(HSTS_VALUE)![1])).toBeGreaterThanOrEqual(31_536_000);
  });

  it("always sends nosniff, a referrer policy, DENY framing, a permissions policy and COOP", () => {
    const headers = securityHeaders({ csp: "x", tls: false });
    expect(headers).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
      "cross-origin-opener-policy": "same-origin",
      "content-security-policy": "x",
    });
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["permissions-policy"]).toContain("microphone=()");
    expect(headers["permissions-policy"]).toContain("geolocation=()");
    expect(headers["permissions-policy"]).toContain("payment=()");
  });

  it("knows TLS from x-forwarded-proto, the URL, or an https PUBLIC_URL", () => {
    expect(requestIsTls({ forwardedProto: "https", urlProtocol: "http:" })).toBe(true);
    expect(requestIsTls({ forwardedProto: "https, http", urlProtocol: "http:" })).toBe(true);
    expect(requestIsTls({ forwardedProto: null, urlProtocol: "https:" })).toBe(true);
    expect(requestIsTls({ forwardedProto: null, urlProtocol: "http:", publicUrl: "https://trade.example" })).toBe(true);
    expect(requestIsTls({ forwardedProto: "http", urlProtocol: "http:", publicUrl: "http://localhost:3000" })).toBe(false);
    expect(requestIsTls({ forwardedProto: null, urlProtocol: "http:" })).toBe(false);
  });
});
