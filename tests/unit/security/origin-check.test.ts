import { describe, expect, it } from "vitest";
import { checkRequestOrigin, isAllowedOrigin, needsOriginCheck, type OriginPolicy } from "@/lib/server/security/origin-check";

const policy: OriginPolicy = { hosts: ["localhost:3000", null], trustedOrigins: [undefined] };
const none = { origin: null, secFetchSite: null, referer: null };

describe("needsOriginCheck", () => {
  it("checks cookie-authenticated mutations under /api", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(needsOriginCheck({ method, pathname: "/api/orders", authorization: null })).toBe(true);
    }
    expect(needsOriginCheck({ method: "DELETE", pathname: "/api/orders/123", authorization: "Basic eA==" })).toBe(true);
  });

  it("leaves reads, pages, next-auth and bearer-key calls alone", () => {
    expect(needsOriginCheck({ method: "GET", pathname: "/api/orders", authorization: null })).toBe(false);
    expect(needsOriginCheck({ method: "HEAD", pathname: "/api/orders", authorization: null })).toBe(false);
    expect(needsOriginCheck({ method: "POST", pathname: "/", authorization: null })).toBe(false);
    expect(needsOriginCheck({ method: "POST", pathname: "/apiary", authorization: null })).toBe(false);
    expect(needsOriginCheck({ method: "POST", pathname: "/api/auth/callback/credentials", authorization: null })).toBe(false);
    expect(needsOriginCheck({ method: "POST", pathname: "/api/orders", authorization: "Bearer tf_abc_def" })).toBe(false);
  });
});

describe("checkRequestOrigin", () => {
  it("accepts the app's own origin, whatever the default port spelling", () => {
    expect(checkRequestOrigin({ ...none, origin: "http://localhost:3000" }, policy)).toEqual({ ok: true });
    expect(checkRequestOrigin({ ...none, origin: "https://trade.example" }, { hosts: ["trade.example:443"], trustedOrigins: [] })).toEqual({ ok: true });
    expect(checkRequestOrigin({ ...none, origin: "HTTP://LOCALHOST:3000" }, policy)).toEqual({ ok: true });
  });

  it("refuses another origin, including another port of the same site", () => {
    expect(checkRequestOrigin({ ...none, origin: "http://evil.example" }, policy).ok).toBe(false);
    expect(checkRequestOrigin({ ...none, origin: "http://localhost:8081" }, policy).ok).toBe(false);
    expect(checkRequestOrigin({ ...none, origin: "http://localhost:3000.evil.example" }, policy).ok).toBe(false);
    expect(checkRequestOrigin({ ...none, origin: "null" }, policy).ok).toBe(false);
    expect(checkRequestOrigin({ ...none, origin: "not a url" }, policy).ok).toBe(false);
  });

  it("trusts PUBLIC_URL's origin and the forwarded host of a reverse proxy", () => {
    const behindProxy: OriginPolicy = { hosts: ["127.0.0.1:3000", "trade.example"], trustedOrigins: ["https://trade.example/"] };
    expect(checkRequestOrigin({ ...none, origin: "https://trade.example" }, behindProxy)).toEqual({ ok: true });
    const publicOnly: OriginPolicy = { hosts: ["127.0.0.1:3000"], trustedOrigins: ["https://trade.example"] };
    expect(checkRequestOrigin({ ...none, origin: "https://trade.example" }, publicOnly)).toEqual({ ok: true });
    expect(checkRequestOrigin({ ...none, origin: "http://trade.example" }, publicOnly).ok).toBe(false);
  });

  it("falls back to Sec-Fetch-Site, then Referer, when there is no Origin", () => {
    expect(checkRequestOrigin({ ...none, secFetchSite: "cross-site" }, policy).ok).toBe(false);
    expect(checkRequestOrigin({ ...none, secFetchSite: "same-site" }, policy).ok).toBe(false);
    expect(checkRequestOrigin({ ...none, secFetchSite: "same-origin" }, policy)).toEqual({ ok: true });
    expect(checkRequestOrigin({ ...none, referer: "http://evil.example/page" }, policy).ok).toBe(false);
    expect(checkRequestOrigin({ ...none, referer: "http://localhost:3000/orders?x=1" }, policy)).toEqual({ ok: true });
  });

  it("lets a request without any browser header through (curl, scripts: nothing ambient to abuse)", () => {
    expect(checkRequestOrigin(none, policy)).toEqual({ ok: true });
  });
});

describe("isAllowedOrigin with anyPort (split realtime gateway without PUBLIC_URL)", () => {
  it("trusts another port of its own hostname, never another hostname", () => {
    const gateway: OriginPolicy = { hosts: ["127.0.0.1:3001"], trustedOrigins: [], anyPort: true };
    expect(isAllowedOrigin("http://127.0.0.1:3000", gateway)).toBe(true);
    expect(isAllowedOrigin("http://localhost:3000", gateway)).toBe(false);
    expect(isAllowedOrigin("http://127.0.0.1:3000", { ...gateway, anyPort: false })).toBe(false);
  });
});
