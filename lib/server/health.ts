import "server-only";
import type { HealthResponse } from "@/lib/api-types";
import type { ServerContext } from "./context";
import { engineHeartbeat } from "./queries/system";

async function timed(check: () => Promise<string | undefined>): Promise<{ ok: boolean; detail?: string; latencyMs: number }> {
  const started = performance.now();
  try {
    const detail = await check();
    return { ok: true, detail, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error), latencyMs: Math.round(performance.now() - started) };
  }
}

/** Database, Redis (when configured), the engine's heartbeat and the feeds; any failure makes the whole unhealthy. */
export async function checkHealth(ctx: ServerContext): Promise<HealthResponse> {
  const maxAge = Math.max(10_000, ctx.config.HEARTBEAT_INTERVAL_MS * 5);
  const checks: HealthResponse["checks"] = {
    database: await timed(async () => {
      await ctx.database.query("select 1");
      return ctx.database.driver;
    }),
  };
  if (ctx.bus.kind === "redis") checks.redis = await timed(async () => `ping ${(await ctx.bus.ping()).toFixed(1)} ms`);
  const heartbeat = checks.database.ok ? await engineHeartbeat(ctx.database).catch(() => undefined) : undefined;
  const age = heartbeat ? Date.now() - heartbeat.at : null;
  checks.worker = {
    ok: heartbeat !== undefined && heartbeat.state === "running" && age! <= maxAge,
    detail: heartbeat ? `heartbeat ${age} ms ago, ${heartbeat.state}` : "no heartbeat yet",
  };
  const live = heartbeat?.feeds.filter((f) => f.state === "live" || f.state === "finished") ?? [];
  checks.feeds = { ok: live.length > 0, detail: heartbeat?.feeds.map((f) => `${f.name}:${f.state}${f.label ? ` (${f.label})` : ""}`).join(", ") || "no feed reported" };
  const ok = Object.values(checks).every((c) => c.ok);
  return { status: ok ? "ok" : "down", checks };
}
