import type { FeedKind, FeedStatus, Tick } from "@/lib/domain/market-data";

/**
 * A source of trade prints. Every feed assigns each symbol its own `seq`, starting at 1 and
 * increasing by exactly 1 per emitted tick, so consumers can detect gaps and duplicates.
 */
export interface MarketFeed {
  readonly name: string;
  readonly kind: FeedKind;
  start(onTick: (tick: Tick) => void): Promise<void>;
  stop(): Promise<void>;
  status(): FeedStatus;
}
