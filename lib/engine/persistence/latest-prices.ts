import type { DatabaseHandle } from "@/lib/db/client";

/** The last stored trade price per symbol: marks after a restart, and where the simulator resumes. */
export async function latestPrices(database: DatabaseHandle, symbols: string[]): Promise<Record<string, number>> {
  if (symbols.length === 0) return {};
  const rows = await database.query<{ symbol: string; price: string }>(
    "select t.symbol, (select price from ticks where symbol = t.symbol order by ts desc, seq desc limit 1)::text as price from unnest($1::text[]) as t(symbol)",
    [symbols],
  );
  return Object.fromEntries(rows.filter((r) => r.price !== null).map((r) => [r.symbol, Number(r.price)]));
}
