import type { AggressorSide, Tick } from "@/lib/domain/market-data";
import { SeededRandom } from "@/lib/market/seeded-random";
import { incrementDecimals, type SimInstrument } from "@/lib/market/sim-instruments";
import { RegimeChain, type SimRegime } from "@/lib/market/sim-regimes";

export interface SimGeneratorConfig {
  seed: number;
  instruments: readonly SimInstrument[];
  /** Unix ms of the simulated clock's origin. */
  startTime: number;
  /** Long-run mean number of trades per second, all symbols together. */
  meanTicksPerSecond: number;
  /** Override the mean time spent in each volatility regime, in seconds. */
  meanRegimeSeconds?: Partial<Record<SimRegime, number>>;
  /** Median trade value in quote currency; sizes are log-normal around it. Default 300. */
  medianTradeNotional?: number;
}

export interface SimGenerator {
  /** The next trade across all symbols; timestamps never decrease. */
  next(): Tick;
  /** Simulated time (Unix ms, fractional) of the trade next() will return. */
  peekTime(): number;
  /** Jump the clock forward with no trades in between (prices diffuse over the gap). */
  skipTo(time: number): void;
  regime(): SimRegime;
  regimeSwitches(): number;
}

interface SymbolState {
  symbol: string;
  logMid: number;
  lastTime: number;
  tick: number;
  tickDecimals: number;
  lot: number;
  lotDecimals: number;
  /** Volatility per sqrt(ms), before the regime multiplier. */
  sigmaPerSqrtMs: number;
  cumulativeWeight: number;
  seq: number;
}

const MS_PER_YEAR = 365 * 24 * 3_600_000;
const SIZE_LOG_SIGMA = 1.3;
// Noise added to the price shock before choosing the aggressor: buys mostly lift the price, not always.
const SIDE_NOISE = 0.6;

function initialState(instrument: SimInstrument, startTime: number, cumulativeWeight: number): SymbolState {
  if (!(instrument.startPrice > 0)) throw new Error(`Simulator start price for ${instrument.symbol} must be positive`);
  const tick = Number(instrument.tickSize);
  const lot = Number(instrument.lotSize);
  if (!(tick > 0) || !(lot > 0)) throw new Error(`Simulator tick and lot size for ${instrument.symbol} must be positive`);
  return {
    symbol: instrument.symbol,
    logMid: Math.log(instrument.startPrice),
    lastTime: startTime,
    tick,
    tickDecimals: incrementDecimals(instrument.tickSize),
    lot,
    lotDecimals: incrementDecimals(instrument.lotSize),
    sigmaPerSqrtMs: (instrument.annualVolatility ?? 0.8) / Math.sqrt(MS_PER_YEAR),
    cumulativeWeight,
    seq: 0,
  };
}

/**
 * Pure, timer-free trade generator: geometric Brownian motion per symbol, a shared Markov regime
 * that scales volatility and activity, Poisson arrivals, log-normal sizes on the lot grid, prices
 * on the tick grid. Buyer-initiated prints round up and seller-initiated ones round down, a
 * one-tick spread in effect.
 */
export function createSimGenerator(config: SimGeneratorConfig): SimGenerator {
  if (config.instruments.length === 0) throw new Error("Simulator needs at least one instrument");
  if (!(config.meanTicksPerSecond > 0)) throw new Error("meanTicksPerSecond must be positive");
  const rng = new SeededRandom(config.seed);
  const regimes = new RegimeChain(rng, config.startTime, config.meanRegimeSeconds);
  const medianNotional = config.medianTradeNotional ?? 300;
  const states: SymbolState[] = [];
  let totalWeight = 0;
  for (const instrument of config.instruments) {
    totalWeight += instrument.weight ?? 1;
    states.push(initialState(instrument, config.startTime, totalWeight));
  }
  const ratePerMs = config.meanTicksPerSecond / 1000;
  const drawGap = () => rng.exponential(ratePerMs * regimes.activityMultiplier());
  let pendingTime = config.startTime + drawGap();

  const pickSymbol = (): SymbolState => {
    const draw = rng.uniform() * totalWeight;
    for (const state of states) if (draw < state.cumulativeWeight) return state;
    return states[states.length - 1];
  };

  const tradeAt = (time: number): Tick => {
    const state = pickSymbol();
    const variance = (state.sigmaPerSqrtMs * regimes.volMultiplier()) ** 2 * (time - state.lastTime);
    const shock = rng.normal();
    state.logMid += -0.5 * variance + Math.sqrt(variance) * shock;
    state.lastTime = time;
    const side: AggressorSide = shock + SIDE_NOISE * rng.normal() >= 0 ? "buy" : "sell";
    const mid = Math.exp(state.logMid);
    const steps = Math.max(1, side === "buy" ? Math.ceil(mid / state.tick) : Math.floor(mid / state.tick));
    const quantity = (medianNotional / mid) * Math.exp(SIZE_LOG_SIGMA * rng.normal());
    const lots = Math.max(1, Math.round(quantity / state.lot));
    return {
      symbol: state.symbol,
      ts: Math.floor(time),
      price: Number((steps * state.tick).toFixed(state.tickDecimals)),
      size: Number((lots * state.lot).toFixed(state.lotDecimals)),
      side,
      seq: ++state.seq,
    };
  };

  return {
    next() {
      const time = pendingTime;
      regimes.advanceTo(time);
      const tick = tradeAt(time);
      pendingTime = time + drawGap();
      return tick;
    },
    peekTime: () => pendingTime,
    skipTo(time) {
      if (time <= pendingTime) return;
      regimes.advanceTo(time);
      // Arrivals are memoryless, so redrawing from the new time is exact.
      pendingTime = time + drawGap();
    },
    regime: () => regimes.current(),
    regimeSwitches: () => regimes.switches(),
  };
}
