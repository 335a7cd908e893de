import path from "node:path";
import { bybitEndpoints, ConfigError, type Config } from "@/lib/config";
import { DEFAULT_INSTRUMENTS, type Instrument } from "@/lib/domain/instrument";
import { FallbackFeed } from "@/lib/market/fallback-feed";
import type { MarketFeed } from "@/lib/market/feed";
import { ReplayFeed } from "@/lib/market/replay-feed";
import { SimFeed } from "@/lib/market/sim-feed";
import { DEFAULT_SIM_START_PRICES, simInstrumentsFor, type SimInstrument } from "@/lib/market/sim-instruments";
import { BybitFeed } from "@/lib/venues/bybit/bybit-feed";
import type { Mt5Bridge } from "@/lib/venues/mt5/mt5-bridge";
import { Mt5Feed } from "@/lib/venues/mt5/mt5-feed";
import { mt5Instruments } from "@/lib/venues/mt5/venue-records";

/** Best bid and ask of a live venue book, as decimal strings; ts is exchange time. */
export interface VenueQuote {
  bid: string;
  ask: string;
  ts: number;
}

export interface FeedSetup {
  feeds: MarketFeed[];
  instruments: Instrument[];
  /** The venue's live quote for a symbol; null when it has none, its book is stale or it is unreachable. */
  quotes?: (symbol: string) => VenueQuote | null;
}

/** A symbol with no known instrument trades on a fine grid: its real precision is unknown here. */
function genericInstrument(symbol: string): Instrument {
  return { symbol, baseAsset: symbol, quoteAsset: "QUOTE", tickSize: "0.00000001", lotSize: "0.0001", minQty: "0.0001", venue: "paper" };
}

const knownInstrument = (symbol: string) => DEFAULT_INSTRUMENTS.find((i) => i.symbol === symbol);

/** Simulator settings for instruments, starting at the given prices; a symbol with no price at all is left out. */
function simInstruments(instruments: readonly Instrument[], prices: Readonly<Record<string, number>>): SimInstrument[] {
  return instruments.flatMap((instrument) => {
    const startPrice = prices[instrument.symbol] ?? DEFAULT_SIM_START_PRICES[instrument.symbol];
    if (startPrice === undefined) return [];
    const known = DEFAULT_SIM_START_PRICES[instrument.symbol] !== undefined ? simInstrumentsFor([instrument])[0] : null;
    return [{ ...(known ?? { symbol: instrument.symbol, tickSize: instrument.tickSize, lotSize: instrument.lotSize }), startPrice }];
  });
}

function simulatorFeed(config: Config, symbols: readonly string[], resumePrices: Record<string, number>): { feed: SimFeed | null; instruments: Instrument[] } {
  const instruments = symbols.map((symbol) => {
    const instrument = knownInstrument(symbol);
    if (!instrument) throw new ConfigError([`SIM_SYMBOLS: no simulated instrument ${symbol} (known: ${DEFAULT_INSTRUMENTS.map((i) => i.symbol).join(", ")})`]);
    return instrument;
  });
  if (instruments.length === 0) return { feed: null, instruments };
  const sim = simInstruments(instruments, resumePrices);
  return { feed: new SimFeed({ seed: config.SIM_SEED, instruments: sim, ticksPerSecond: config.SIM_TICKS_PER_SECOND }), instruments };
}

/** Bybit for BYBIT_SYMBOLS, with the simulator standing in (labelled as such) while Bybit cannot be reached. */
function bybitWithFallback(config: Config, resumePrices: Record<string, number>) {
  const instruments = config.BYBIT_SYMBOLS.map((symbol) => knownInstrument(symbol) ?? genericInstrument(symbol));
  const bybit = new BybitFeed({ url: bybitEndpoints(config).publicWs, symbols: config.BYBIT_SYMBOLS });
  const feed = new FallbackFeed({
    primary: bybit,
    timeoutMs: config.BYBIT_CONNECT_TIMEOUT_MS,
    label: "SIMULATED (Bybit unreachable)",
    fallback: (lastPrices) => {
      const sim = simInstruments(instruments, { ...resumePrices, ...lastPrices });
      if (sim.length === 0) return null;
      return new SimFeed({ seed: config.SIM_SEED, instruments: sim, ticksPerSecond: config.SIM_TICKS_PER_SECOND, name: "bybit-fallback-simulator" });
    },
  });
  return { feed, instruments, quotes: (symbol: string) => bybit.quote(symbol) };
}

/** The feeds MARKET_FEEDS asks for, and the instruments they quote. The simulator resumes from the last stored prices. */
export function createFeeds(config: Config, resumePrices: Record<string, number> = {}, mt5Bridge?: Mt5Bridge | null): FeedSetup {
  const setup: FeedSetup = { feeds: [], instruments: [] };
  const bybitSymbols = new Set(config.MARKET_FEEDS.includes("bybit") ? config.BYBIT_SYMBOLS : []);
  if (config.MARKET_FEEDS.includes("bybit")) {
    const bybit = bybitWithFallback(config, resumePrices);
    setup.feeds.push(bybit.feed);
    setup.instruments.push(...bybit.instruments);
    setup.quotes = bybit.quotes;
  }
  if (config.MARKET_FEEDS.includes("sim")) {
    // Bybit's symbols are already covered (by Bybit or its own stand-in): one source per symbol.
    const { feed, instruments } = simulatorFeed(config, config.SIM_SYMBOLS.filter((s) => !bybitSymbols.has(s)), resumePrices);
    setup.instruments.push(...instruments);
    if (feed) setup.feeds.push(feed);
  }
  if (config.MARKET_FEEDS.includes("replay") && config.REPLAY_FILE) {
    setup.instruments.push(genericInstrument(config.REPLAY_SYMBOL));
    setup.feeds.push(new ReplayFeed({
      file: path.resolve(config.REPLAY_FILE), symbol: config.REPLAY_SYMBOL, speed: config.REPLAY_SPEED, loop: config.REPLAY_LOOP,
    }));
  }
  if (config.MARKET_FEEDS.includes("mt5") && mt5Bridge) {
    setup.feeds.push(new Mt5Feed(mt5Bridge, config.MT5_SYMBOLS));
    setup.instruments.push(...mt5Instruments(config));
  }
  return setup;
}
