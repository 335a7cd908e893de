import { pino } from "pino";
import type { RecordedBar } from "@/lib/market/replay/recording";
import type { RunDetail, RunSummary } from "@/lib/backtest/jobs/run-view";
import { MemoryBus } from "@/lib/bus/memory-bus";
import { parseConfig } from "@/lib/config";
import { createPglite } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Services } from "@/lib/runtime/services";
import { TEST_ENV, waitFor } from "../support/engine-harness";

export const silentLog = pino({ level: "silent" });
export const BASE = "http://localhost:3000";

/** The embedded mode's services without the engine: in-memory PGlite, the in-process bus; jobs started by the test. */
export async function backtestServices(): Promise<Services> {
  const database = await createPglite();
  await migrateDatabase(database);
  return { config: parseConfig({ ...TEST_ENV }), database, bus: new MemoryBus(), mode: "embedded", startedAt: Date.now() };
}

/** A trending sine wave, so a 10/30 moving-average cross trades several times; one bar a minute from 2024-01-01. */
export function generatedBars(count: number, start = Date.UTC(2024, 0, 1)): RecordedBar[] {
  return Array.from({ length: count }, (_, i) => {
    const mid = 100 + i * 0.01 + 10 * Math.sin(i / 25);
    const open = Math.round((mid - 0.2) * 100) / 100;
    const close = Math.round((mid + 0.2 * Math.cos(i)) * 100) / 100;
    return { openTime: start + i * 60_000, open, high: Math.max(open, close) + 0.5, low: Math.min(open, close) - 0.5, close, volume: 1000 };
  });
}

const pad = (n: number) => String(n).padStart(2, "0");
const naiveUtc = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
};

/** The bars as a backtesting.py CSV. */
export function backtestingCsv(bars: readonly RecordedBar[]): string {
  return [",Open,High,Low,Close,Volume", ...bars.map((b) => `${naiveUtc(b.openTime)},${b.open},${b.high},${b.low},${b.close},${b.volume}`)].join("\n");
}

export function uploadRequest(cookie: string, file: Blob, fileName: string, fields: Record<string, string> = {}): Request {
  const form = new FormData();
  form.set("file", file, fileName);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return new Request(`${BASE}/api/backtests/datasets`, { method: "POST", headers: { cookie }, body: form });
}

export function jsonRequest(cookie: string, path: string, method = "GET", body?: unknown): Request {
  return new Request(`${BASE}${path}`, { method, headers: { cookie, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}

export const params = (id: string) => ({ params: Promise.resolve({ id }) });

export async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

/** Polls GET /api/backtests/:id until the probe accepts the run. */
export async function waitForRun(
  getRoute: { GET: (r: Request, p: ReturnType<typeof params>) => Promise<Response> },
  cookie: string,
  id: string,
  accept: (run: RunDetail) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<RunDetail> {
  return waitFor(async () => {
    const { run } = (await (await getRoute.GET(jsonRequest(cookie, `/api/backtests/${id}`), params(id))).json()) as { run: RunDetail };
    return accept(run) ? run : undefined;
  }, what, timeoutMs);
}

export type { RunDetail, RunSummary };
