import { getServerContext } from "@/lib/server/context";
import { checkHealth } from "@/lib/server/health";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = handler(async () => {
  const health = await checkHealth(await getServerContext());
  return json(health, health.status === "ok" ? 200 : 503);
});
