import { getAccountState } from "@/lib/server/account-service";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const { positions } = await getAccountState(ctx, actor.accountId);
  return json({ positions });
});
