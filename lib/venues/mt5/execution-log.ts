import type { Order } from "@/lib/domain/order";
import type { VenueExecution } from "@/lib/execution/live-venue";
import { isBuyType } from "./commands";
import type { OpenTrade } from "./replies";

// Executions are kept this long for catch-ups (the engine asks from a minute before its last run).
const KEEP_MS = 24 * 3_600_000;

/**
 * The EA reports no executions of its own, so the venue writes them down as its commands execute (an OPEN's fill,
 * a CLOSE) or as it finds a pending order turned trade. Ids are derived from the ticket, so the same execution seen
 * twice (a reply, then a lookup) is one execution. The commission is not on the wire: fees are 0.
 */
export class ExecutionLog {
  private readonly entries = new Map<string, VenueExecution>();

  add(order: Order, fill: { execId: string; venueOrderId: string; quantity: string; price: string }): VenueExecution {
    return this.keep({
      execId: fill.execId, venueOrderId: fill.venueOrderId, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side,
      quantity: fill.quantity, price: fill.price, fee: "0", liquidity: order.type === "MARKET" ? "TAKER" : "MAKER", ts: Date.now(),
    });
  }

  /** The execution that opened a trade, from the trade itself (its open price and lots). */
  addFromTrade(trade: OpenTrade, clientOrderId: string | null): VenueExecution {
    return this.keep({
      execId: `${trade.ticket}:open`, venueOrderId: trade.ticket, clientOrderId, symbol: trade.symbol, side: isBuyType(trade.type) ? "BUY" : "SELL",
      quantity: trade.lots, price: trade.openPrice, fee: "0", liquidity: "TAKER", ts: Date.now(),
    });
  }

  since(since: number): VenueExecution[] {
    return [...this.entries.values()].filter((e) => e.ts >= since).sort((a, b) => a.ts - b.ts);
  }

  private keep(execution: VenueExecution): VenueExecution {
    const known = this.entries.get(execution.execId);
    if (known) return known;
    this.entries.set(execution.execId, execution);
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, entry] of this.entries) if (entry.ts < cutoff) this.entries.delete(id);
    return execution;
  }
}
