import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RecordedTrade } from "@/lib/market/replay/recording";

/** 2024-03-01 00:00 UTC: far behind the wall clock, as any recording is. */
export const RECORDING_START = Date.UTC(2024, 2, 1);

/**
 * Deterministic prints about 250 ms apart with a trend that turns every 40 to 90 seconds, noise, and a few quiet
 * seconds with no print at all: enough moving-average crosses on 1-second bars to trade a few dozen times.
 */
export function trendingTrades(count: number, seed = 11): RecordedTrade[] {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const trades: RecordedTrade[] = [];
  let ts = RECORDING_START + 37;
  let price = 100;
  let drift = 0.02;
  let turnAt = ts + 60_000;
  for (let i = 0; i < count; i++) {
    ts += 50 + Math.floor(random() * 400) + (random() < 0.01 ? 3_000 : 0);
    if (ts >= turnAt) {
      drift = -Math.sign(drift) * (0.01 + random() * 0.03);
      turnAt = ts + 40_000 + Math.floor(random() * 50_000);
    }
    price = Math.max(1, price + drift + (random() - 0.5) * 0.08);
    trades.push({ ts, price: Math.round(price * 100) / 100, size: Math.round((0.01 + random()) * 1000) / 1000, side: random() < 0.5 ? "buy" : "sell" });
  }
  return trades;
}

/** Writes trades as a freqtrade trades file ([timestamp, id, type, side, price, amount, cost] rows) in a temp dir. */
export async function writeFreqtradeTrades(trades: readonly RecordedTrade[]): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "tf-fidelity-"));
  const file = path.join(dir, "FIDELITY-trades.json");
  const rows = trades.map((t, i) => [t.ts, String(i + 1), null, t.side, t.price, t.size, t.price * t.size]);
  await writeFile(file, JSON.stringify(rows));
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
