import { getAccountState } from "@/lib/server/account-service";
import { getServerContext } from "@/lib/server/context";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = handler(async () => {
  const { positions } = await getAccountState(await getServerContext());
  return json({ positions });
});
