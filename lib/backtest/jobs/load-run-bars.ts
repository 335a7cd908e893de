import { and, asc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { bars as barsTable } from "@/lib/db/schema";
import { INTERVAL_MS, type BarInterval } from "@/lib/domain/market-data";
import { BarAggregator } from "@/lib/market/bar-aggregator";
import type { RecordedBar, RecordedTrade } from "@/lib/market/replay/recording";
import type { RunRequest } from "./backtest-request";
import { loadDatasetRecording } from "./dataset-store";

/** A run's input could not be loaded (missing dataset, no bars in the period): the run fails with this message. */
export class RunDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunDataError";
  }
}

export interface RunBars {
  symbol: string;
  /** For a trades recording: its prints built into bars of the request's barInterval. */
  bars: RecordedBar[];
  intervalMs: number;
  /** The recorded prints in the period, when the data is a trades recording (for intrabar fills). */
  trades?: RecordedTrade[];
}

type Period = RunRequest["period"];

function inPeriod(period: Period): (time: number) => boolean {
  const from = period.from ? Date.parse(period.from) : Number.NEGATIVE_INFINITY;
  const to = period.to ? Date.parse(period.to) : Number.POSITIVE_INFINITY;
  return (time) => time >= from && time < to;
}

/** Recorded trades as bars, with the live engine's aggregator. */
function tradesToBars(symbol: string, trades: readonly RecordedTrade[], interval: BarInterval): RecordedBar[] {
  const bars: RecordedBar[] = [];
  const aggregator = new BarAggregator({ intervals: [interval], onBarClosed: (b) => bars.push({ openTime: b.openTime, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume }) });
  trades.forEach((t, i) => aggregator.onTick({ ...t, symbol, seq: i + 1 }));
  aggregator.flush();
  return bars;
}

async function datasetBars(db: Database, datasetId: string, period: Period, interval: BarInterval): Promise<RunBars> {
  const stored = await loadDatasetRecording(db, datasetId);
  if (!stored) throw new RunDataError(`dataset ${datasetId} no longer exists`);
  const { recording, symbol } = stored;
  const keep = inPeriod(period);
  if (recording.kind === "bars") return { symbol, bars: recording.bars.filter((b) => keep(b.openTime)), intervalMs: recording.intervalMs };
  const trades = recording.trades.filter((t) => keep(t.ts));
  return { symbol, bars: tradesToBars(symbol, trades, interval), intervalMs: INTERVAL_MS[interval], trades };
}

async function storedBars(db: Database, symbol: string, interval: "1m" | "5m" | "1h", period: Period): Promise<RunBars> {
  const where: SQL[] = [eq(barsTable.symbol, symbol), eq(barsTable.interval, interval)];
  if (period.from) where.push(gte(barsTable.openTime, new Date(period.from)));
  if (period.to) where.push(lt(barsTable.openTime, new Date(period.to)));
  const rows = await db.select({ openTime: barsTable.openTime, open: barsTable.open, high: barsTable.high, low: barsTable.low, close: barsTable.close, volume: barsTable.volume })
    .from(barsTable).where(and(...where)).orderBy(asc(barsTable.openTime));
  return { symbol, bars: rows.map((r) => ({ ...r, openTime: r.openTime.getTime() })), intervalMs: INTERVAL_MS[interval] };
}

/** The bars a run tests: an uploaded dataset or the engine's stored bars, restricted to the request's period. */
export async function loadRunBars(db: Database, request: RunRequest, minimumBars: number): Promise<RunBars> {
  const loaded = request.data.source === "dataset"
    ? await datasetBars(db, request.data.datasetId, request.period, request.barInterval)
    : await storedBars(db, request.data.symbol, request.data.interval, request.period);
  if (loaded.bars.length < minimumBars) {
    const what = request.data.source === "dataset" ? `dataset ${loaded.symbol}` : `stored ${request.data.interval} bars of ${request.data.symbol}`;
    throw new RunDataError(`${what} hold ${loaded.bars.length} bars in the chosen period; this run needs at least ${minimumBars}`);
  }
  if (request.fill === "intrabar" && loaded.trades === undefined) {
    throw new RunDataError("intrabar fills need a trades recording (freqtrade trades); this data holds bars only");
  }
  return loaded;
}
