import { runRequestSchema } from "@/lib/backtest/jobs/backtest-request";
import { requireActor } from "@/lib/server/auth/require-actor";
import { createRun, listRuns } from "@/lib/server/backtests/run-service";
import { handler, json, parseBody } from "@/lib/server/http";

export const dynamic = "force-dynamic";

// Backtests never touch the account or a venue (they are the caller's own research), so "read" is enough.
export const GET = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  return json({ runs: await listRuns(ctx.database.db, actor) });
});

export const POST = handler(async (request: Request) => {
  const { ctx, actor } = await requireActor("read", request);
  const body = await parseBody(request, runRequestSchema);
  return json({ run: await createRun(ctx, actor, body) }, 201);
});
