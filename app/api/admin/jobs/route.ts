import { listJobs } from "@/lib/server/admin/jobs";
import { requireActor } from "@/lib/server/auth/require-actor";
import { handler, json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = handler(async (request: Request) => {
  const { ctx } = await requireActor("admin", request);
  return json({ jobs: await listJobs(ctx) });
});
