import { z } from "zod";
import { runJobNow } from "@/lib/server/admin/jobs";
import { validationError } from "@/lib/server/api-error";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ name: string }> };

const jobName = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, "a schedule name: lower-case letters, digits and dashes");

export const POST = handler(async (request: Request, { params }: Params) => {
  const { ctx, actor } = await requireActor("admin", request);
  const parsed = jobName.safeParse((await params).name);
  if (!parsed.success) throw validationError(parsed.error, "path");
  return json(await runJobNow(ctx, actor, parsed.data), 202);
});
