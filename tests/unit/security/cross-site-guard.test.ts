import { describe, expect, it } from "vitest";
import { handler, json } from "@/lib/server/http";

const ORIGIN = "http://127.0.0.1:3000";
const SESSION = "next-auth.session-token=anything";

// The route wrapper every API handler uses; the handler behind it counts how often it really ran.
function route() {
  let calls = 0;
  const serve = handler(async (_request: Request) => {
    calls += 1;
    return json({ ok: true }, 201);
  });
  return { serve, calls: () => calls };
}

function request(path: string, method: string, headers: Record<string, string>): Request {
  return new Request(new URL(path, ORIGIN), { method, headers: { host: "127.0.0.1:3000", ...headers } });
}

describe("cross-site API mutations (the route handlers' own check: the proxy does not run for /api)", () => {
  it("refuses a cookie-authenticated mutation from another origin with 403 CSRF_REJECTED before the handler runs", async () => {
    const { serve, calls } = route();
    for (const method of ["POST", "PATCH", "DELETE"]) {
      const response = await serve(request("/api/orders", method, { cookie: SESSION, origin: "http://evil.example" }));
      expect(response.status, method).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "CSRF_REJECTED" } });
      expect(response.headers.get("x-request-id")).toBeTruthy();
    }
    expect(calls()).toBe(0);
  });

  it("refuses a mutation whose only clue is a cross-site Sec-Fetch-Site", async () => {
    const { serve, calls } = route();
    expect((await serve(request("/api/orders", "POST", { cookie: SESSION, "sec-fetch-site": "cross-site" }))).status).toBe(403);
    expect(calls()).toBe(0);
  });

  it("passes a same-origin mutation, a bearer-key call, reads, and next-auth's own endpoints", async () => {
    const { serve, calls } = route();
    expect((await serve(request("/api/orders", "POST", { cookie: SESSION, origin: ORIGIN }))).status).toBe(201);
    expect((await serve(request("/api/orders/1", "DELETE", { authorization: "Bearer tf_x", origin: "http://evil.example" }))).status).toBe(201);
    expect((await serve(request("/api/orders", "GET", { cookie: SESSION, origin: "http://evil.example" }))).status).toBe(201);
    expect((await serve(request("/api/auth/signout", "POST", { origin: "http://evil.example" }))).status).toBe(201);
    expect(calls()).toBe(4);
  });

  it("gains nothing from x-middleware-subrequest", async () => {
    const { serve, calls } = route();
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    expect((await serve(request("/api/orders", "POST", { ...bypass, cookie: SESSION, origin: "http://evil.example" }))).status).toBe(403);
    expect(calls()).toBe(0);
  });
});
