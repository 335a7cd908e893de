import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { getRiskView } from "@/lib/server/risk-service";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  return json({ risk: await getRiskView(ctx, actor.accountId) });
});
