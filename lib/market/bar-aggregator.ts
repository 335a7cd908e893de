import { BAR_INTERVALS, INTERVAL_MS, type Bar, type BarInterval, type Tick } from "@/lib/domain/market-data";

export interface BarAggregatorOptions {
  /** Default: all of BAR_INTERVALS. */
  intervals?: readonly BarInterval[];
  /** Called exactly once per bar, when it closes. */
  onBarClosed: (bar: Bar) => void;
}

export interface BarAggregatorStats {
  ticks: number;
  /** Ticks ignored by at least one interval because their bucket was already closed or passed. */
  lateTicks: number;
  barsClosed: number;
}

/** The bar being built for one symbol and interval; reused across buckets to avoid allocation per tick. */
interface Slot {
  active: boolean;
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
  firstTs: number;
  lastTs: number;
  /** openTime of the last bar closed in this slot; ticks at or before it are late. */
  closedThrough: number;
}

function emptySlot(): Slot {
  return { active: false, openTime: 0, open: 0, high: 0, low: 0, close: 0, volume: 0, trades: 0, firstTs: 0, lastTs: 0, closedThrough: -Infinity };
}

/**
 * Incremental OHLCV bars per symbol and interval, aligned to interval boundaries (openTime =
 * floor(ts / interval) * interval). Designed for throughput: no allocation per tick, one callback
 * per closed bar, and partial bars only on request via current().
 *
 * - Gaps: a bucket with no ticks produces no bar. Inventing flat bars is a presentation choice
 *   left to consumers, and zero-volume bars would distort volume-based features.
 * - Late ticks: a tick older than an interval's current bar (or in a bucket already closed) is
 *   ignored for that interval and counted in stats().lateTicks; it may still update intervals
 *   whose current bar covers it. Within the current bar, close follows the latest exchange time
 *   and open the earliest, whatever the arrival order.
 */
export class BarAggregator {
  private readonly intervals: readonly BarInterval[];
  private readonly intervalMs: readonly number[];
  private readonly onBarClosed: (bar: Bar) => void;
  private readonly slots = new Map<string, Slot[]>();
  private counters: BarAggregatorStats = { ticks: 0, lateTicks: 0, barsClosed: 0 };

  constructor(options: BarAggregatorOptions) {
    this.intervals = [...(options.intervals ?? BAR_INTERVALS)];
    this.intervalMs = this.intervals.map((interval) => INTERVAL_MS[interval]);
    this.onBarClosed = options.onBarClosed;
  }

  onTick(tick: Tick): void {
    let slots = this.slots.get(tick.symbol);
    if (!slots) {
      slots = this.intervals.map(emptySlot);
      this.slots.set(tick.symbol, slots);
    }
    this.counters.ticks++;
    let late = false;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const ms = this.intervalMs[i];
      const openTime = Math.floor(tick.ts / ms) * ms;
      if (openTime <= slot.closedThrough || (slot.active && openTime < slot.openTime)) {
        late = true;
      } else if (slot.active && openTime === slot.openTime) {
        updateSlot(slot, tick);
      } else {
        if (slot.active) this.close(tick.symbol, i, slot);
        openSlot(slot, openTime, tick);
      }
    }
    if (late) this.counters.lateTicks++;
  }

  /** Snapshot of the open bar, or undefined when none is open. */
  current(symbol: string, interval: BarInterval): Bar | undefined {
    const index = this.intervals.indexOf(interval);
    const slot = index < 0 ? undefined : this.slots.get(symbol)?.[index];
    return slot?.active ? toBar(symbol, interval, slot, false) : undefined;
  }

  /**
   * Closes bars whose interval ended at or before `now` (exchange-clock ms) without a newer tick
   * arriving, for quiet markets. Pass now minus the lateness you tolerate: later ticks for a
   * closed bucket are ignored.
   */
  closeDue(now: number): Bar[] {
    const closed: Bar[] = [];
    for (const [symbol, slots] of this.slots) {
      for (let i = 0; i < slots.length; i++) {
        if (slots[i].active && slots[i].openTime + this.intervalMs[i] <= now) closed.push(this.close(symbol, i, slots[i]));
      }
    }
    return closed;
  }

  /** Closes every open bar (end of a replay or shutdown); each goes to onBarClosed and is returned. */
  flush(): Bar[] {
    const closed: Bar[] = [];
    for (const [symbol, slots] of this.slots) {
      for (let i = 0; i < slots.length; i++) if (slots[i].active) closed.push(this.close(symbol, i, slots[i]));
    }
    return closed;
  }

  stats(): BarAggregatorStats {
    return { ...this.counters };
  }

  private close(symbol: string, index: number, slot: Slot): Bar {
    const bar = toBar(symbol, this.intervals[index], slot, true);
    slot.active = false;
    slot.closedThrough = slot.openTime;
    this.counters.barsClosed++;
    this.onBarClosed(bar);
    return bar;
  }
}

function openSlot(slot: Slot, openTime: number, tick: Tick): void {
  slot.active = true;
  slot.openTime = openTime;
  slot.open = slot.high = slot.low = slot.close = tick.price;
  slot.volume = tick.size;
  slot.trades = 1;
  slot.firstTs = slot.lastTs = tick.ts;
}

function updateSlot(slot: Slot, tick: Tick): void {
  if (tick.price > slot.high) slot.high = tick.price;
  if (tick.price < slot.low) slot.low = tick.price;
  if (tick.ts >= slot.lastTs) {
    slot.close = tick.price;
    slot.lastTs = tick.ts;
  }
  if (tick.ts < slot.firstTs) {
    slot.open = tick.price;
    slot.firstTs = tick.ts;
  }
  slot.volume += tick.size;
  slot.trades++;
}

function toBar(symbol: string, interval: BarInterval, slot: Slot, closed: boolean): Bar {
  const { openTime, open, high, low, close, volume, trades } = slot;
  return { symbol, interval, openTime, open, high, low, close, volume, trades, closed };
}
