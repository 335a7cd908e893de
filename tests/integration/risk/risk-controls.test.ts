import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as killRoute from "@/app/api/risk/kill/route";
import * as limitsRoute from "@/app/api/risk/limits/route";
import * as rearmRoute from "@/app/api/risk/rearm/route";
import * as riskRoute from "@/app/api/risk/route";
import * as ordersRoute from "@/app/api/orders/route";
import { KillSwitchNotConfirmed, pullKillSwitch } from "@/lib/cli/kill-switch-cli";
import type { RiskView } from "@/lib/domain/account";
import { clearServices, registerServices } from "@/lib/runtime/services";
import { type Harness, startHarness, waitFor } from "../support/engine-harness";
import { createTestKey, createTestUser, type TestUser } from "../support/users";

let h: Harness;
let admin: TestUser;
let trader: TestUser;

beforeAll(async () => {
  h = await startHarness({ ORDER_RATE_LIMIT_PER_MINUTE: "1000", PRICE_COLLAR: "1" });
  registerServices(h.services);
  admin = await createTestUser(h.services, "admin");
  trader = await createTestUser(h.services, "trader");
  await waitFor(() => h.engine.ticksProcessed() > 20, "first ticks");
});
afterAll(async () => {
  clearServices();
  await h?.close();
});

function call(route: (r: Request) => Promise<Response>, path: string, user: TestUser | null, method = "POST", body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (user) headers.cookie = user.cookie;
  return route(new Request(`http://localhost:3000${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}
const riskOf = async (response: Response) => ((await response.json()) as { risk: RiskView }).risk;
const order = (body: Record<string, string>) => call(ordersRoute.POST, "/api/orders", trader, "POST", { symbol: "BTCUSDT", side: "BUY", type: "MARKET", quantity: "0.001", ...body });
const auditActions = async (action: string) => h.services.database.query<{ actor: string; details: Record<string, unknown> }>("select actor, details from audit_log where action = $1 order by id", [action]);

describe("the kill switch over the API", () => {
  it("halts trading within a second, cancels the open orders and refuses new ones; a trader may pull it", async () => {
    const resting = await (await order({ type: "LIMIT", price: "50000", clientOrderId: "rest-before-kill" })).json();
    const started = performance.now();
    const response = await call(killRoute.POST, "/api/risk/kill", trader);
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect((await riskOf(response)).state).toBe("HALTED");
    expect(elapsed).toBeLessThan(1_000);
    const [stored] = await h.services.database.query<{ status: string }>("select status from orders where client_order_id = 'rest-before-kill'");
    expect([resting.order?.status ?? resting.status, stored.status]).toContain("CANCELED");
    const refused = await order({ clientOrderId: "after-kill" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe("KILL_SWITCH_ACTIVE");
    expect((await auditActions("risk.kill")).length).toBeGreaterThanOrEqual(1);
  });

  it("re-arms only for an admin who re-enters the right password", async () => {
    expect((await call(rearmRoute.POST, "/api/risk/rearm", trader, "POST", { password: trader.password })).status).toBe(403);
    const wrong = await call(rearmRoute.POST, "/api/risk/rearm", admin, "POST", { password: "not-the-password" });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe("WRONG_PASSWORD");
    expect((await riskOf(await call(riskRoute.GET, "/api/risk", admin, "GET"))).state).toBe("HALTED");
    expect((await call(rearmRoute.POST, "/api/risk/rearm", admin, "POST", {})).status).toBe(400);
    const rearmed = await call(rearmRoute.POST, "/api/risk/rearm", admin, "POST", { password: admin.password });
    expect(rearmed.status).toBe(200);
    expect((await riskOf(rearmed)).state).toBe("ACTIVE");
    expect((await order({ clientOrderId: "after-rearm" })).status).toBe(201);
  });
});

describe("risk limits over the API", () => {
  it("are changed by an admin only, validated whole, enforced at once, audited and kept across a restart", async () => {
    expect((await call(limitsRoute.PUT, "/api/risk/limits", trader, "PUT", { maxOrderNotional: "10" })).status).toBe(403);
    const invalid = await call(limitsRoute.PUT, "/api/risk/limits", admin, "PUT", { maxPositionFraction: "2" });
    expect(invalid.status).toBe(400);
    expect((await call(limitsRoute.PUT, "/api/risk/limits", admin, "PUT", { noSuchLimit: 1 })).status).toBe(400);
    const changed = await call(limitsRoute.PUT, "/api/risk/limits", admin, "PUT", { maxOrderNotional: "10" });
    expect(changed.status).toBe(200);
    expect((await riskOf(changed)).limits.maxOrderNotional).toBe("10");
    const refused = await order({ clientOrderId: "over-new-limit" });
    expect((await refused.json()).error.code).toBe("MAX_ORDER_NOTIONAL");
    const [audit] = (await auditActions("risk.limits")).slice(-1);
    expect(audit.details).toMatchObject({ before: { maxOrderNotional: "50000" }, after: { maxOrderNotional: "10" } });
    await h.restart();
    await waitFor(() => h.engine.ticksProcessed() > 20, "ticks after the restart");
    expect((await riskOf(await call(riskRoute.GET, "/api/risk", trader, "GET"))).limits.maxOrderNotional).toBe("10");
    expect((await (await order({ clientOrderId: "over-limit-after-restart" })).json()).error.code).toBe("MAX_ORDER_NOTIONAL");
  });
});

describe("the kill switch from the command line", () => {
  it("reaches the platform over HTTP with an API key, and only reports success once trading is HALTED", async () => {
    await call(rearmRoute.POST, "/api/risk/rearm", admin, "POST", { password: admin.password });
    const server = createServer(async (req, res) => {
      const response = await killRoute.POST(new Request(`http://localhost:3000${req.url}`, { method: req.method, headers: { authorization: req.headers.authorization ?? "" } }));
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const viewerKey = await createTestKey(h.services, trader.user.id, ["read"]);
      await expect(pullKillSwitch({ url, apiKey: viewerKey })).rejects.toThrow(/FORBIDDEN/);
      expect((await riskOf(await call(riskRoute.GET, "/api/risk", admin, "GET"))).state).toBe("ACTIVE");
      const risk = await pullKillSwitch({ url, apiKey: await createTestKey(h.services, trader.user.id, ["read", "trade"]) });
      expect(risk.state).toBe("HALTED");
      await expect(pullKillSwitch({ url: "http://127.0.0.1:9", apiKey: "x" })).rejects.toBeInstanceOf(KillSwitchNotConfirmed);
    } finally {
      server.close();
    }
  });
});
