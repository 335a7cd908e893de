import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";
import { engageKillSwitch } from "@/lib/server/risk/risk-controls";

export const dynamic = "force-dynamic";

/** The kill switch: trading halts and every open order is canceled. Anyone who may trade may pull it. */
export const POST = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("trade", request);
  return json({ risk: await engageKillSwitch(ctx, actor) });
});
