import path from "node:path";
import { ConfigError, type Config } from "@/lib/config";
import { DEFAULT_INSTRUMENTS, type Instrument } from "@/lib/domain/instrument";
import type { MarketFeed } from "@/lib/market/feed";
import { ReplayFeed } from "@/lib/market/replay-feed";
import { SimFeed } from "@/lib/market/sim-feed";
import { simInstrumentsFor } from "@/lib/market/sim-instruments";

export interface FeedSetup {
  feeds: MarketFeed[];
  instruments: Instrument[];
}

/** A recorded file's symbol trades on a fine grid: its own precision is unknown until it is read. */
function replayInstrument(symbol: string): Instrument {
  return { symbol, baseAsset: symbol, quoteAsset: "QUOTE", tickSize: "0.00000001", lotSize: "0.0001", minQty: "0.0001", venue: "paper" };
}

/** The feeds MARKET_FEEDS asks for, and the instruments they quote. The simulator resumes from the last stored prices. */
export function createFeeds(config: Config, resumePrices: Record<string, number> = {}): FeedSetup {
  const feeds: MarketFeed[] = [];
  const instruments: Instrument[] = [];
  if (config.MARKET_FEEDS.includes("sim")) {
    const simInstruments = config.SIM_SYMBOLS.map((symbol) => {
      const instrument = DEFAULT_INSTRUMENTS.find((i) => i.symbol === symbol);
      if (!instrument) throw new ConfigError([`SIM_SYMBOLS: no simulated instrument ${symbol} (known: ${DEFAULT_INSTRUMENTS.map((i) => i.symbol).join(", ")})`]);
      return instrument;
    });
    instruments.push(...simInstruments);
    const sim = simInstrumentsFor(simInstruments).map((i) => ({ ...i, startPrice: resumePrices[i.symbol] ?? i.startPrice }));
    feeds.push(new SimFeed({ seed: config.SIM_SEED, instruments: sim, ticksPerSecond: config.SIM_TICKS_PER_SECOND }));
  }
  if (config.MARKET_FEEDS.includes("replay") && config.REPLAY_FILE) {
    instruments.push(replayInstrument(config.REPLAY_SYMBOL));
    feeds.push(new ReplayFeed({
      file: path.resolve(config.REPLAY_FILE), symbol: config.REPLAY_SYMBOL, speed: config.REPLAY_SPEED, loop: config.REPLAY_LOOP,
    }));
  }
  return { feeds, instruments };
}
