import type { FeedStatus, Tick } from "@/lib/domain/market-data";
import type { MarketFeed } from "@/lib/market/feed";
import { logger } from "@/lib/logger";
import type { Mt5Bridge } from "./mt5-bridge";

const log = logger("mt5-feed");

/**
 * The EA's price stream as a feed. MT publishes quotes, not trades: each bid/ask becomes a tick at the mid price with
 * size 0 (bars carry no volume), which is what marks, bars and the risk checks need.
 */
export class Mt5Feed implements MarketFeed {
  readonly name = "mt5";
  readonly kind = "mt5" as const;
  private readonly seq = new Map<string, number>();
  private unsubscribe: (() => void) | null = null;
  private lastTickAt: number | null = null;
  private ticks = 0;

  constructor(private readonly bridge: Mt5Bridge, private readonly symbols: readonly string[]) {}

  async start(onTick: (tick: Tick) => void): Promise<void> {
    this.unsubscribe = this.bridge.onPrice(({ symbol, bid, ask }) => {
      const seq = (this.seq.get(symbol) ?? 0) + 1;
      this.seq.set(symbol, seq);
      const ts = Date.now();
      this.lastTickAt = ts;
      this.ticks += 1;
      onTick({ symbol, ts, price: (Number(bid) + Number(ask)) / 2, size: 0, side: "buy", seq });
    });
    // The EA may be down now: the bridge sends the tracking again whenever the EA comes (back) up.
    await this.bridge.trackPrices(this.symbols).catch((error: unknown) => log.warn({ err: error }, "MetaTrader did not take TRACK_PRICES yet; retried when it answers"));
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
  }

  status(): FeedStatus {
    const { connected, lastError } = this.bridge.status();
    return {
      name: this.name, kind: this.kind, state: connected ? "live" : "error", symbols: [...this.symbols], lastTickAt: this.lastTickAt, ticks: this.ticks,
      ...(connected ? {} : { label: `MT5 ${lastError ?? "not connected"}` }),
    };
  }
}
