import type { Tick } from "@/lib/domain/market-data";
import { DropCounter, parseTrades, type TradePrint } from "@/lib/venues/bybit/public-messages";
import type { MessageHandler } from "../harness/passes";

/** The baseline: JSON.parse alone, reading one field so the parse cannot be optimized away. */
export class JsonParseOnly implements MessageHandler {
  checksum = 0;

  handle(message: string): void {
    this.checksum += (JSON.parse(message) as { ts: number }).ts;
  }
}

/**
 * What BybitSocket and BybitFeed do per publicTrade frame: parse, check the shape, normalise every trade and
 * number it per symbol into a Tick handed on (here summed so the work cannot be optimized away).
 */
export class TradeToTicks implements MessageHandler {
  checksum = 0;
  ticks = 0;
  readonly drops = new DropCounter();
  private readonly prints: TradePrint[] = [];
  private readonly seqs = new Map<string, number>();

  handle(message: string): void {
    const parsed = JSON.parse(message) as unknown;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return;
    const frame = parsed as { topic?: unknown; data?: unknown };
    if (typeof frame.topic !== "string" || !frame.topic.startsWith("publicTrade.")) return;
    const prints = this.prints;
    prints.length = 0;
    parseTrades(frame.data, this.drops, prints);
    for (let i = 0; i < prints.length; i++) this.emit(prints[i]);
  }

  private emit(print: TradePrint): void {
    const seq = (this.seqs.get(print.symbol) ?? 0) + 1;
    this.seqs.set(print.symbol, seq);
    const tick: Tick = { symbol: print.symbol, ts: print.ts, price: print.price, size: print.size, side: print.side, seq };
    this.checksum += tick.price * tick.size;
    this.ticks++;
  }
}
