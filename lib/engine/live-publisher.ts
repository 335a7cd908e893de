import type { AccountView, PositionView, RiskView } from "@/lib/domain/account";
import { BAR_INTERVALS, type Bar, type FeedStatus, type Tick } from "@/lib/domain/market-data";
import type { Fill, Order } from "@/lib/domain/order";
import { rooms } from "@/lib/realtime/events";
import type { RealtimeSink } from "@/lib/realtime/sink";

export interface LiveSources {
  accountId: string;
  account(): AccountView;
  positions(): PositionView[];
  currentBar(symbol: string, interval: Bar["interval"]): Bar | undefined;
  symbols(): string[];
  feeds(): FeedStatus[];
}

/**
 * Pushes live state to browsers and programs. Ticks, closed bars, orders and fills go out as they happen;
 * partial bars and account values are coalesced so a burst of ticks costs one message per period.
 */
export class LivePublisher {
  private readonly lastPartial = new Map<string, string>();
  private accountDirty = true;
  private timers: NodeJS.Timeout[] = [];

  /** accountChanged hears of every order or fill after it is durable (web processes drop their cached account). */
  constructor(private readonly sink: RealtimeSink, private readonly sources: LiveSources, private readonly accountChanged: (accountId: string) => void = () => {}) {}

  start(partialMs = 500, accountMs = 500, feedsMs = 2_000): void {
    this.timers.push(setInterval(() => this.pushPartialBars(), partialMs));
    this.timers.push(setInterval(() => this.pushAccountIfDirty(), accountMs));
    this.timers.push(setInterval(() => this.sink.emit(rooms.system, "feeds", this.sources.feeds()), feedsMs));
    for (const timer of this.timers) timer.unref?.();
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  tick(tick: Tick): void {
    const room = rooms.ticks(tick.symbol);
    this.sink.emit(room, "tick", tick);
    this.sink.market(room, tick);
  }

  barClosed(bar: Bar): void {
    const room = rooms.bars(bar.symbol, bar.interval);
    this.sink.emit(room, "bar", bar);
    this.sink.market(room, bar);
  }

  order(order: Order): void {
    this.sink.emit(rooms.account(order.accountId), "order", order);
    this.accountChanged(order.accountId);
    this.accountDirty = true;
  }

  fill(fill: Fill): void {
    this.sink.emit(rooms.account(fill.accountId), "fill", fill);
    this.accountChanged(fill.accountId);
    this.accountDirty = true;
  }

  risk(view: RiskView): void {
    this.sink.emit(rooms.account(view.accountId), "risk", view);
  }

  /** Marks move every tick; the account view is re-sent at most once per period. */
  markAccountDirty(): void {
    this.accountDirty = true;
  }

  private pushAccountIfDirty(): void {
    if (!this.accountDirty) return;
    this.accountDirty = false;
    const room = rooms.account(this.sources.accountId);
    this.sink.emit(room, "account", this.sources.account());
    this.sink.emit(room, "positions", this.sources.positions());
  }

  private pushPartialBars(): void {
    for (const symbol of this.sources.symbols()) {
      for (const interval of BAR_INTERVALS) {
        const bar = this.sources.currentBar(symbol, interval);
        if (!bar) continue;
        const key = `${symbol}.${interval}`;
        const version = `${bar.openTime}:${bar.trades}`;
        if (this.lastPartial.get(key) === version) continue;
        this.lastPartial.set(key, version);
        this.sink.emit(rooms.bars(symbol, interval), "bar", bar);
      }
    }
  }
}
