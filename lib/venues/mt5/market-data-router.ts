import { logger } from "@/lib/logger";
import type { Timeframe } from "./commands";
import { barTopic, priceTopic, type Mt5Bar, type Mt5Price } from "./market-data";

const log = logger("mt5-market-data");

export type { Mt5Bar, Mt5Price };

interface TopicFilter {
  subscribe(prefix: string): void;
  unsubscribe(prefix: string): void;
}

// Malformed frames are counted on every frame but logged at most this often.
const MALFORMED_LOG_EVERY_MS = 10_000;

/** Keeps the SUB socket subscribed to exactly the tracked topics and hands parsed frames to the listeners. */
export class MarketDataRouter {
  private readonly priceListeners = new Set<(price: Mt5Price) => void>();
  private readonly barListeners = new Set<(bar: Mt5Bar) => void>();
  private priceTopics = new Set<string>();
  private barTopics = new Set<string>();
  private malformed = 0;
  private malformedLoggedAt = 0;

  constructor(private readonly heard: (symbol: string) => void) {}

  onPrice(listener: (price: Mt5Price) => void): () => void {
    this.priceListeners.add(listener);
    return () => this.priceListeners.delete(listener);
  }

  onBar(listener: (bar: Mt5Bar) => void): () => void {
    this.barListeners.add(listener);
    return () => this.barListeners.delete(listener);
  }

  trackPrices(symbols: readonly string[], filter: TopicFilter): void {
    this.priceTopics = resubscribe(this.priceTopics, new Set(symbols.map(priceTopic)), filter);
  }

  trackRates(streams: readonly { symbol: string; timeframe: Timeframe }[], filter: TopicFilter): void {
    this.barTopics = resubscribe(this.barTopics, new Set(streams.map((s) => barTopic(s.symbol, s.timeframe))), filter);
  }

  /** One frame and its parse (null when malformed). */
  handle(message: Mt5Price | Mt5Bar | null, frame: string): void {
    if (message === null) return this.noteMalformed(frame);
    if (message.kind === "price") {
      this.heard(message.symbol);
      for (const listener of this.priceListeners) listener(message);
    } else {
      for (const listener of this.barListeners) listener(message);
    }
  }

  private noteMalformed(frame: string): void {
    this.malformed += 1;
    const now = Date.now();
    if (now - this.malformedLoggedAt < MALFORMED_LOG_EVERY_MS) return;
    this.malformedLoggedAt = now;
    log.warn({ frame: frame.slice(0, 200), malformed: this.malformed }, "dropped malformed market-data frames from the EA");
  }
}

function resubscribe(current: Set<string>, wanted: Set<string>, filter: TopicFilter): Set<string> {
  for (const topic of current) if (!wanted.has(topic)) filter.unsubscribe(topic);
  for (const topic of wanted) if (!current.has(topic)) filter.subscribe(topic);
  return wanted;
}
