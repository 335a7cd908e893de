import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecureStack, type StackUser } from "./secure-stack";

let stack: SecureStack;
let trader: StackUser;
let admin: StackUser;

beforeAll(async () => {
  stack = await SecureStack.start({ worker: false, realtime: false });
  [trader, admin] = await Promise.all([stack.user("trader"), stack.user("admin")]);
}, 300_000);
afterAll(async () => stack?.stop());

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, stack.web), { headers, redirect: "manual", signal: AbortSignal.timeout(15_000) });
}

function nonceOf(response: Response): string {
  const csp = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  if (!nonce) throw new Error(`no nonce in the CSP of ${response.url}: ${csp}`);
  return nonce;
}

/** The response carries the whole baseline; returns the CSP for more checks. JSON from the API may load nothing. */
function expectSecurityHeaders(response: Response, what: string): string {
  const h = response.headers;
  const csp = h.get("content-security-policy") ?? "";
  if (new URL(response.url).pathname.startsWith("/api/")) {
    expect(csp, what).toBe("default-src 'none'; frame-ancestors 'none'");
  } else {
    expect(csp, what).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp, what).toContain(directive);
  }
  expect(csp, what).not.toContain("unsafe-eval");
  expect(h.get("x-content-type-options"), what).toBe("nosniff");
  expect(h.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(h.get("x-frame-options"), what).toBe("DENY");
  for (const feature of ["camera", "microphone", "geolocation", "payment"]) expect(h.get("permissions-policy"), what).toContain(`${feature}=()`);
  expect(h.get("cross-origin-opener-policy"), what).toBe("same-origin");
  // Plain HTTP here: HSTS only when the request came over TLS.
  expect(h.get("strict-transport-security"), what).toBeNull();
  return csp;
}

describe("security headers on every response of `next start`", () => {
  it("pages, the sign-in redirect, API answers and errors, static assets and files", async () => {
    const signin = await get("/signin");
    expect(signin.status).toBe(200);
    const html = await signin.text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const responses: [string, Response, number][] = [
      ["/ signed in", await get("/", { cookie: trader.cookie }), 200],
      ["/ without a session", await get("/"), 307],
      ["/signin", signin, 200],
      ["/api/health", await get("/api/health"), -1],
      ["/api/orders without credentials", await get("/api/orders"), 401],
      [`static ${asset}`, await get(asset!), 200],
      ["an unknown API path", await get("/api/does-not-exist"), 404],
    ];
    for (const [what, response, status] of responses) {
      if (status > 0) expect(response.status, what).toBe(status);
      expectSecurityHeaders(response, what);
    }
    expect(await responses[4]![1].json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    expect(responses[1]![1].headers.get("location")).toBe("/signin?callbackUrl=%2F");
  });

  it("sends HSTS for a year with subdomains when a TLS-terminating proxy forwarded the request", async () => {
    for (const path of ["/signin", "/api/health"]) {
      const hsts = (await get(path, { "x-forwarded-proto": "https" })).headers.get("strict-transport-security");
      expect(hsts, path).toMatch(/^max-age=(\d+); includeSubDomains$/);
      expect(Number(/max-age=(\d+)/.exec(hsts!)![1])).toBeGreaterThanOrEqual(31_536_000);
    }
  });

  it("connects to its own host's websockets and nothing foreign", async () => {
    const csp = (await get("/signin")).headers.get("content-security-policy")!;
    const host = new URL(stack.web).host;
    expect(/connect-src ([^;]+)/.exec(csp)?.[1]).toBe(`'self' ws://${host} wss://${host}`);
  });

  it("puts the response's nonce, fresh each time, on every script of every page (static pages would get none)", async () => {
    const pages: [string, string, number][] = [
      ["/", trader.cookie, 200], ["/signin", "", 200], ["/signout", trader.cookie, 200], ["/profile", trader.cookie, 200],
      ["/admin/users", admin.cookie, 200], ["/admin/audit", admin.cookie, 200], ["/no-such-page", trader.cookie, 404],
    ];
    const seen = new Set<string>();
    for (const [path, cookie, status] of pages) {
      const response = await get(path, cookie ? { cookie } : {});
      expect(response.status, path).toBe(status);
      const nonce = nonceOf(response);
      seen.add(nonce);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
    }
    expect(seen.size).toBe(pages.length);
  });
});

describe("x-middleware-subrequest (CVE-2025-29927) changes nothing", () => {
  const variants = [
    "middleware:middleware:middleware:middleware:middleware",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    "proxy:proxy:proxy:proxy:proxy",
  ];

  it("the API still answers 401 without credentials", async () => {
    for (const value of variants) {
      const response = await get("/api/orders", { "x-middleware-subrequest": value });
      expect(response.status, value).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
      expectSecurityHeaders(response, value);
    }
  });

  it("/admin still redirects without a session, and still hides from a trader", async () => {
    for (const value of variants) {
      const anonymous = await get("/admin", { "x-middleware-subrequest": value });
      expect(anonymous.status, value).toBe(307);
      expect(anonymous.headers.get("location"), value).toMatch(/^\/signin\?callbackUrl=%2Fadmin/);
      expectSecurityHeaders(anonymous, value);
      // With any cookie the proxy lets the page decide, and the page refuses a trader by itself.
      const asTrader = await get("/admin", { "x-middleware-subrequest": value, cookie: trader.cookie });
      expect(asTrader.status, value).toBe(404);
      const forged = await get("/admin", { "x-middleware-subrequest": value, cookie: "next-auth.session-token=forged" });
      expect([307, 302, 303].includes(forged.status) ? forged.headers.get("location") : String(forged.status), value).toMatch(/signin/);
    }
  });
});
