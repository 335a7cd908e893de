import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { backtestDatasets } from "@/lib/db/schema";
import type { RecordingFormat } from "@/lib/market/replay/detect-format";
import type { RecordedBar, RecordedTrade, Recording } from "@/lib/market/replay/recording";
import type { DatasetSummary } from "./run-view";

/** Rows stored column-wise: one array per field parses far faster than an object per row. */
type BarColumns = { openTime: number[]; open: number[]; high: number[]; low: number[]; close: number[]; volume: number[] };
type TradeColumns = { ts: number[]; price: number[]; size: number[]; side: RecordedTrade["side"][] };

function barColumns(bars: readonly RecordedBar[]): BarColumns {
  return {
    openTime: bars.map((b) => b.openTime), open: bars.map((b) => b.open), high: bars.map((b) => b.high),
    low: bars.map((b) => b.low), close: bars.map((b) => b.close), volume: bars.map((b) => b.volume),
  };
}

function barsFromColumns(c: BarColumns): RecordedBar[] {
  return c.openTime.map((openTime, i) => ({ openTime, open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i], volume: c.volume[i] }));
}

function tradeColumns(trades: readonly RecordedTrade[]): TradeColumns {
  return { ts: trades.map((t) => t.ts), price: trades.map((t) => t.price), size: trades.map((t) => t.size), side: trades.map((t) => t.side) };
}

function tradesFromColumns(c: TradeColumns): RecordedTrade[] {
  return c.ts.map((ts, i) => ({ ts, price: c.price[i], size: c.size[i], side: c.side[i] }));
}

const summaryColumns = {
  id: backtestDatasets.id, name: backtestDatasets.name, format: backtestDatasets.format, symbol: backtestDatasets.symbol,
  kind: backtestDatasets.kind, rowCount: backtestDatasets.rowCount, firstTime: backtestDatasets.firstTime,
  lastTime: backtestDatasets.lastTime, createdAt: backtestDatasets.createdAt,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof backtestDatasets.$inferSelect)[K] };

function toSummary(row: SummaryRow): DatasetSummary {
  return {
    id: row.id, name: row.name, format: row.format, symbol: row.symbol, kind: row.kind as Recording["kind"], barCount: row.rowCount,
    firstTime: row.firstTime.getTime(), lastTime: row.lastTime.getTime(), createdAt: row.createdAt.toISOString(),
  };
}

export interface NewDataset {
  name: string;
  symbol: string;
  format: RecordingFormat;
  recording: Recording;
  createdBy: string;
}

export async function insertDataset(db: Database, dataset: NewDataset): Promise<DatasetSummary> {
  const { recording } = dataset;
  const times = recording.kind === "bars" ? recording.bars.map((b) => b.openTime) : recording.trades.map((t) => t.ts);
  const [row] = await db.insert(backtestDatasets).values({
    name: dataset.name, format: dataset.format, symbol: dataset.symbol, kind: recording.kind, rowCount: times.length,
    firstTime: new Date(times[0]), lastTime: new Date(times[times.length - 1]),
    intervalMs: recording.kind === "bars" ? recording.intervalMs : null,
    data: recording.kind === "bars" ? barColumns(recording.bars) : tradeColumns(recording.trades),
    createdBy: dataset.createdBy,
  }).returning(summaryColumns);
  return toSummary(row);
}

/** The owner's datasets, newest first (without their rows). */
export async function listDatasets(db: Database, ownerId: string): Promise<DatasetSummary[]> {
  const rows = await db.select(summaryColumns).from(backtestDatasets).where(eq(backtestDatasets.createdBy, ownerId)).orderBy(desc(backtestDatasets.createdAt));
  return rows.map(toSummary);
}

/** A dataset of this owner (summary only), or undefined. */
export async function findDataset(db: Database, ownerId: string, id: string): Promise<DatasetSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(backtestDatasets).where(and(eq(backtestDatasets.id, id), eq(backtestDatasets.createdBy, ownerId)));
  return row ? toSummary(row) : undefined;
}

/** Deletes a dataset of this owner with its rows; false when there is none. Runs already finished keep their results. */
export async function deleteDataset(db: Database, ownerId: string, id: string): Promise<DatasetSummary | undefined> {
  const [row] = await db.delete(backtestDatasets).where(and(eq(backtestDatasets.id, id), eq(backtestDatasets.createdBy, ownerId))).returning(summaryColumns);
  return row ? toSummary(row) : undefined;
}

export interface StoredRecording {
  symbol: string;
  recording: Recording;
}

/** The parsed rows of a dataset, or undefined when it was deleted. */
export async function loadDatasetRecording(db: Database, id: string): Promise<StoredRecording | undefined> {
  const [row] = await db.select({ symbol: backtestDatasets.symbol, kind: backtestDatasets.kind, intervalMs: backtestDatasets.intervalMs, data: backtestDatasets.data })
    .from(backtestDatasets).where(eq(backtestDatasets.id, id));
  if (!row) return undefined;
  const recording: Recording = row.kind === "bars"
    ? { kind: "bars", bars: barsFromColumns(row.data as BarColumns), intervalMs: row.intervalMs! }
    : { kind: "trades", trades: tradesFromColumns(row.data as TradeColumns) };
  return { symbol: row.symbol, recording };
}
