import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as balanceRoute from "@/app/api/balance/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as orderRoute from "@/app/api/orders/[id]/route";
import { engineClient, rejectionCode } from "../support/engine-client";
import { type Harness, waitFor } from "../support/engine-harness";
import { type RouteHarness, startRouteHarness } from "../support/route-harness";
import type { TestUser } from "../support/users";

const TOKEN = "metrics-token-for-tests-0123456789";
let h: Harness;
let trader: TestUser;
const client = engineClient(() => h);

let routes: RouteHarness;

beforeAll(async () => {
  routes = await startRouteHarness({ MAX_ORDER_NOTIONAL: "5000", METRICS_TOKEN: TOKEN });
  ({ harness: h, trader } = routes);
});
afterAll(async () => routes?.close());

const scrape = (headers: Record<string, string> = {}) => metricsRoute.GET(new Request("http://localhost:3000/api/metrics", { headers }));

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /api/metrics in embedded mode", () => {
  it("shows ticks, a filled order, a risk refusal by reason, the equity, the risk state and HTTP latency by route", async () => {
    const filled = await client.submit({ quantity: "0.01" });
    await waitFor(async () => (await client.row<{ status: string }>("select status from orders where id = $1", [filled.id])).status === "FILLED", "the fill");
    expect(await rejectionCode(client.submit({ quantity: "0.4" }))).toBe("MAX_ORDER_NOTIONAL");
    const orderResponse = await orderRoute.GET(new Request(`http://localhost:3000/api/orders/${filled.id}`, { headers: { cookie: trader.cookie } }), { params: Promise.resolve({ id: filled.id }) });
    expect(orderResponse.status).toBe(200);
    expect(orderResponse.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(sample(text, 'tradeforge_ticks_total{symbol="BTCUSDT"}')).toBeGreaterThan(0);
    expect(sample(text, 'tradeforge_orders_total{status="FILLED"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tradeforge_order_rejections_total{reason="MAX_ORDER_NOTIONAL"}')).toBe(1);
    expect(sample(text, 'tradeforge_fills_total{symbol="BTCUSDT"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "tradeforge_risk_state")).toBe(0);
    expect(text).toContain("tradeforge_process_resident_memory_bytes");
    expect(sample(text, 'tradeforge_http_request_duration_seconds_count{route="/api/orders/[id]",method="GET",status="200"}')).toBe(1);
    expect(text).toContain('tradeforge_up{process="');
  });

  it("reports the equity the account shows once the position is closed (a flat account's equity stops moving)", async () => {
    const closing = await client.submit({ side: "SELL", quantity: "0.01" });
    await waitFor(async () => (await client.row<{ status: string }>("select status from orders where id = $1", [closing.id])).status === "FILLED", "the closing fill");
    const balance = await balanceRoute.GET(new Request("http://localhost:3000/api/balance", { headers: { cookie: trader.cookie } }));
    const { account } = (await balance.json()) as { account: { equity: string } };
    expect(sample(await (await scrape()).text(), "tradeforge_equity")).toBe(Number(account.equity));
  });

  it("refuses a remote caller without the token and lets one with the token in", async () => {
    const remote = { "x-forwarded-for": "203.0.113.9" };
    expect((await scrape(remote)).status).toBe(401);
    expect((await scrape({ ...remote, authorization: "Bearer wrong-token-wrong-token-000" })).status).toBe(401);
    expect((await scrape({ ...remote, authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });
});
