import { z } from "zod";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json, parseBody } from "@/lib/server/http";
import { markNotificationsRead } from "@/lib/server/notifications/mark-read";

export const dynamic = "force-dynamic";

// One object rather than a union, so a bad id is reported by its path instead of as "invalid input".
const markReadBody = z
  .object({
    ids: z.array(z.number().int().positive()).min(1, "give at least one id").max(500).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.all === undefined), "send either { ids: [alert ids] } or { all: true }");

/** Marks notifications read for the caller only. */
export const POST = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const body = await parseBody(request, markReadBody);
  return json(await markNotificationsRead(ctx.database.db, actor.userId, body.ids ? { ids: body.ids } : { all: true }));
});
