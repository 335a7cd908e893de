import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const MINUTE = 60_000;

/**
 * A freqtrade trades file of `minutes` one-minute bars in legs of 40 (up, then down, ...) with a wiggle, four prints
 * per minute (open, high, low, close): enough structure for every label class to occur in every split.
 */
export function writeLegsTradesFile(minutes: number, start = Date.UTC(2024, 0, 1)): string {
  const rows: unknown[] = [];
  let price = 100;
  for (let i = 0; i < minutes; i++) {
    const drift = Math.floor(i / 40) % 2 === 0 ? 0.08 : -0.08;
    const open = price;
    const close = Math.max(5, price + drift + 0.05 * Math.sin(i * 1.7));
    const prints = [open, Math.max(open, close) + 0.03, Math.min(open, close) - 0.03, close];
    prints.forEach((p, k) => rows.push([start + i * MINUTE + [0, 15_000, 30_000, 59_000][k], `${i}-${k}`, null, k % 2 === 0 ? "buy" : "sell", Number(p.toFixed(4)), 0.5, Number((p * 0.5).toFixed(4))]));
    price = close;
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tradeforge-e2e-replay-")), "legs-trades.json");
  writeFileSync(file, JSON.stringify(rows));
  return file;
}
