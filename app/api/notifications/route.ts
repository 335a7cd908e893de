import { z } from "zod";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseQuery } from "@/lib/server/http";
import { listNotifications } from "@/lib/server/notifications/list-notifications";

export const dynamic = "force-dynamic";

const listQuery = z.object({
  unread: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

/** Every alert, newest first, with the caller's read marks; `unread=true` for only the unread ones. */
export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const query = parseQuery(request, listQuery);
  return json(await listNotifications(ctx.database.db, { userId: actor.userId, ...query }));
});
