import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ordersRoute from "@/app/api/orders/route";
import { clearServices, registerServices } from "@/lib/runtime/services";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ ORDER_RATE_LIMIT_PER_MINUTE: "3" });
  registerServices(h.services);
  await waitFor(() => h.engine.ticksProcessed() > 5, "ticks");
});
afterAll(async () => {
  clearServices();
  await h?.close();
});

const post = (ip: string) => ordersRoute.POST(new Request("http://localhost/api/orders", {
  method: "POST",
  headers: { "content-type": "application/json", "x-forwarded-for": ip },
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
  });
});
