import { TIMEFRAME_MINUTES, type Timeframe } from "@/lib/venues/mt5/commands";
import { dict, int, list, reply, str } from "./ea-literal";
import type { Terminal } from "./terminal";

/**
 * TRACK_PRICES / TRACK_RATES and the PUB stream: `SYM:|:bid;ask` only for tracked symbols and only when the value
 * changed since the last publish; `SYM_M1:|:time;o;h;l;c;tick_volume;spread;real_volume` when a new bar starts.
 */
export class MarketPublisher {
  private symbols: string[] = [];
  private rates: { symbol: string; timeframe: Timeframe }[] = [];
  private readonly lastPrices = new Map<string, string>();
  private readonly lastBars = new Map<string, number>();

  constructor(
    private readonly terminal: Terminal,
    private readonly publish: (frame: string) => void,
  ) {}

  /** TRACK_PRICES;SYM... replaces the list; unknown symbols are reported and left out. */
  trackPrices(requested: string[]): string {
    const symbols = requested.filter((s) => s !== "");
    this.symbols = symbols.filter((s) => this.terminal.symbol(s));
    this.lastPrices.clear();
    const errors = symbols.filter((s) => !this.terminal.symbol(s));
    return reply([["_action", str("TRACK_PRICES")], ["_data", dict([["symbol_count", int(this.symbols.length)], ["error_symbols", list(errors.map(str))]])]]);
  }

  /** TRACK_RATES;SYM;TF;... (TF in minutes) replaces the list; null when the pairs are malformed (no reply). */
  trackRates(fields: string[]): string | null {
    if (fields.length % 2 !== 0) return null;
    const pairs: { symbol: string; timeframe: Timeframe | undefined }[] = [];
    for (let i = 0; i < fields.length; i += 2) pairs.push({ symbol: fields[i], timeframe: timeframeOf(fields[i + 1]) });
    const valid = (p: (typeof pairs)[number]) => p.timeframe !== undefined && this.terminal.symbol(p.symbol) !== undefined;
    this.rates = pairs.filter(valid) as { symbol: string; timeframe: Timeframe }[];
    this.lastBars.clear();
    const errors = pairs.filter((p) => !valid(p)).map((p) => str(p.symbol));
    return reply([["_action", str("TRACK_RATES")], ["_data", dict([["instrument_count", int(this.rates.length)], ["error_symbols", list(errors)]])]]);
  }

  /** What an EA restart loses. */
  forget(): void {
    this.symbols = [];
    this.rates = [];
    this.lastPrices.clear();
    this.lastBars.clear();
  }

  tracked(): { prices: string[]; rates: string[] } {
    return { prices: [...this.symbols], rates: this.rates.map((r) => `${r.symbol}_${r.timeframe}`) };
  }

  /** One EA timer pass: changed prices and new bars. */
  publishChanges(): void {
    for (const symbol of this.symbols) this.publishPrice(symbol);
    for (const rate of this.rates) this.publishBar(rate.symbol, rate.timeframe);
  }

  publishPrice(symbol: string): void {
    if (!this.symbols.includes(symbol)) return;
    const quote = this.terminal.quote(symbol)!;
    const places = Math.max(6, this.terminal.symbol(symbol)!.digits);
    const payload = `${quote.bid.toFixed(places)};${quote.ask.toFixed(places)}`;
    if (this.lastPrices.get(symbol) === payload) return;
    this.lastPrices.set(symbol, payload);
    this.publish(`${symbol}:|:${payload}`);
  }

  private publishBar(symbol: string, timeframe: Timeframe): void {
    const seconds = TIMEFRAME_MINUTES[timeframe] * 60;
    const barTime = Math.floor(this.terminal.now().getTime() / 1000 / seconds) * seconds;
    const topic = `${symbol}_${timeframe}`;
    if (this.lastBars.get(topic) === barTime) return;
    this.lastBars.set(topic, barTime);
    const info = this.terminal.symbol(symbol)!;
    const { bid, ask } = this.terminal.quote(symbol)!;
    const o = bid.toFixed(info.digits);
    const spread = ask.minus(bid).div(info.point).toFixed(0);
    this.publish(`${topic}:|:${barTime};${o};${o};${o};${o};1;${spread};0`);
  }
}

export function timeframeOf(minutes: string): Timeframe | undefined {
  return (Object.keys(TIMEFRAME_MINUTES) as Timeframe[]).find((tf) => String(TIMEFRAME_MINUTES[tf]) === minutes);
}
