import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ordersRoute from "@/app/api/orders/route";
import { clearServices, registerServices } from "@/lib/runtime/services";
import * as positionsRoute from "@/app/api/positions/route";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";
import { createTestUser, type TestUser } from "../support/users";

let h: Harness;
let trader: TestUser;
let reader: TestUser;

beforeAll(async () => {
  h = await startHarness({ ORDER_RATE_LIMIT_PER_MINUTE: "3", API_RATE_LIMIT_PER_MINUTE: "8", IP_RATE_LIMIT_PER_MINUTE: "20" });
  registerServices(h.services);
  trader = await createTestUser(h.services, "trader");
  reader = await createTestUser(h.services, "viewer");
  await waitFor(() => h.engine.ticksProcessed() > 5, "ticks");
});
afterAll(async () => {
  clearServices();
  await h?.close();
});

const post = (ip: string) => ordersRoute.POST(new Request("http://localhost/api/orders", {
  method: "POST",
  headers: { "content-type": "application/json", "x-forwarded-for": ip, cookie: trader.cookie },
  body: JSON.stringify({ symbol: "BTCUSDT", side: "BUY", type: "LIMIT", quantity: "0.001", price: "1000" }),
}));

describe("order rate limit", () => {
  it("answers 429 with Retry-After past the limit, per client", async () => {
    for (let i = 0; i < 3; i++) expect((await post("10.0.0.1")).status).toBe(201);
    const limited = await post("10.0.0.1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    expect((await post("10.0.0.2")).status).toBe(201);
    const [alert] = await waitFor(async () => {
      const rows = await h.services.database.query<{ severity: string; code: string }>("select severity, code from alerts where code = 'rate_limit_warning'");
      return rows.length > 0 ? rows : null;
    }, "a rate-limit alert");
    expect(alert.severity).toBe("low");
  });

  it("limits each user's API requests per minute", async () => {
    const read = () => positionsRoute.GET(new Request("http://localhost/api/positions", { headers: { cookie: reader.cookie, "x-forwarded-for": "10.0.0.3" } }));
    for (let i = 0; i < 8; i++) expect((await read()).status).toBe(200);
    const limited = await read();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
  });

  it("limits each address, before and whatever the credentials", async () => {
    const anonymous = () => positionsRoute.GET(new Request("http://localhost/api/positions", { headers: { "x-forwarded-for": "10.0.0.9" } }));
    for (let i = 0; i < 20; i++) expect((await anonymous()).status).toBe(401);
    const limited = await anonymous();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
  });
});
