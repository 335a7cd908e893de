import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { bars, modelVersions } from "@/lib/db/schema";
import { BAR_INTERVALS, type BarInterval } from "@/lib/domain/market-data";
import { backfillFeatures } from "@/lib/features/feature-backfill";
import type { JobDefinition } from "./job-queue";

const schema = z.object({ symbols: z.array(z.string().min(1)), interval: z.enum(BAR_INTERVALS) }).strict();

type Series = { symbol: string; interval: BarInterval };

const isBarInterval = (interval: string): interval is BarInterval => (BAR_INTERVALS as readonly string[]).includes(interval);

/** The traded symbols at the strategy's interval, plus every series a production or shadow version runs on. */
async function seriesToBackfill(db: Database, symbols: readonly string[], interval: BarInterval): Promise<Series[]> {
  const live = await db.selectDistinct({ symbol: modelVersions.symbol, interval: modelVersions.interval }).from(modelVersions)
    .where(inArray(modelVersions.status, ["production", "shadow"]));
  const wanted = [...symbols.map((symbol) => ({ symbol, interval })), ...live.filter((s): s is Series => isBarInterval(s.interval))];
  const unique = [...new Map(wanted.map((s) => [`${s.symbol}/${s.interval}`, s])).values()];
  const stored: Series[] = [];
  for (const s of unique) {
    const [row] = await db.select({ one: sql<number>`1` }).from(bars).where(and(eq(bars.symbol, s.symbol), eq(bars.interval, s.interval))).limit(1);
    if (row) stored.push(s);
  }
  return stored;
}

/** Keeps the feature store level with the stored bars; upserts, so a rerun over the same bars writes nothing. */
export function featureBackfillJob(db: Database): JobDefinition<typeof schema> {
  return {
    name: "feature-backfill",
    schema,
    async run({ symbols, interval }, ctx) {
      const series = await seriesToBackfill(db, symbols, interval);
      const done: Array<Series & { bars: number; written: number }> = [];
      for (const s of series) {
        if (ctx.signal?.aborted) break;
        const result = await backfillFeatures(db, s);
        done.push({ ...s, bars: result.bars, written: result.written });
      }
      return { series: done.length, written: done.reduce((sum, s) => sum + s.written, 0), details: done };
    },
  };
}
