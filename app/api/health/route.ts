import { hotRead } from "@/lib/server/cache/hot-reads";
import { getServerContext } from "@/lib/server/context";
import { checkHealth } from "@/lib/server/health";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = handler(async () => {
  const ctx = await getServerContext();
  // Load balancers and monitors poll this: at most one round of checks per second, however many ask.
  const health = await hotRead(ctx, "health", "all", () => checkHealth(ctx));
  return json(health, health.status === "ok" ? 200 : 503);
});
