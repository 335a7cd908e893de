import type { SeededRandom } from "@/lib/market/seeded-random";

export type SimRegime = "calm" | "normal" | "turbulent";
export const SIM_REGIMES: readonly SimRegime[] = ["calm", "normal", "turbulent"];

interface RegimeSpec {
  /** Relative volatility before normalisation. */
  vol: number;
  /** Relative trade arrival rate before normalisation: busy markets are volatile markets. */
  activity: number;
  meanSeconds: number;
  /** Where the chain goes when it leaves this regime (probabilities sum to 1). */
  next: Record<SimRegime, number>;
}

const SPECS: Record<SimRegime, RegimeSpec> = {
  calm: { vol: 0.5, activity: 0.6, meanSeconds: 600, next: { calm: 0, normal: 0.85, turbulent: 0.15 } },
  normal: { vol: 1, activity: 1, meanSeconds: 900, next: { calm: 0.6, normal: 0, turbulent: 0.4 } },
  turbulent: { vol: 2.5, activity: 2.5, meanSeconds: 180, next: { calm: 0.2, normal: 0.8, turbulent: 0 } },
};

/** Long-run share of time spent in each regime: embedded-chain stationary law weighted by mean duration. */
function timeShares(meanSeconds: Record<SimRegime, number>): Record<SimRegime, number> {
  let visits: Record<SimRegime, number> = { calm: 1 / 3, normal: 1 / 3, turbulent: 1 / 3 };
  for (let i = 0; i < 200; i++) {
    const nextVisits: Record<SimRegime, number> = { calm: 0, normal: 0, turbulent: 0 };
    for (const from of SIM_REGIMES) for (const to of SIM_REGIMES) nextVisits[to] += visits[from] * SPECS[from].next[to];
    visits = nextVisits;
  }
  const total = SIM_REGIMES.reduce((sum, r) => sum + visits[r] * meanSeconds[r], 0);
  return { calm: (visits.calm * meanSeconds.calm) / total, normal: (visits.normal * meanSeconds.normal) / total, turbulent: (visits.turbulent * meanSeconds.turbulent) / total };
}

/**
 * Continuous-time Markov switch between volatility regimes, shared by all simulated symbols
 * (crypto markets get calm and turbulent together). Multipliers are normalised so that, in the
 * long run, realised variance matches the configured annual volatility and the trade rate
 * matches the configured mean.
 */
export class RegimeChain {
  private regime: SimRegime = "normal";
  private endsAt: number;
  private switchCount = 0;
  private readonly meanMs: Record<SimRegime, number>;
  private readonly volScale: number;
  private readonly activityScale: number;

  constructor(private readonly rng: SeededRandom, startTime: number, meanSeconds: Partial<Record<SimRegime, number>> = {}) {
    const means = { calm: meanSeconds.calm ?? SPECS.calm.meanSeconds, normal: meanSeconds.normal ?? SPECS.normal.meanSeconds, turbulent: meanSeconds.turbulent ?? SPECS.turbulent.meanSeconds };
    this.meanMs = { calm: means.calm * 1000, normal: means.normal * 1000, turbulent: means.turbulent * 1000 };
    const shares = timeShares(means);
    this.volScale = 1 / Math.sqrt(SIM_REGIMES.reduce((sum, r) => sum + shares[r] * SPECS[r].vol ** 2, 0));
    this.activityScale = 1 / SIM_REGIMES.reduce((sum, r) => sum + shares[r] * SPECS[r].activity, 0);
    this.endsAt = startTime + rng.exponential() * this.meanMs.normal;
  }

  advanceTo(time: number): void {
    while (time >= this.endsAt) {
      this.regime = this.pickNext();
      this.endsAt += this.rng.exponential() * this.meanMs[this.regime];
      this.switchCount++;
    }
  }

  current(): SimRegime {
    return this.regime;
  }

  switches(): number {
    return this.switchCount;
  }

  volMultiplier(): number {
    return SPECS[this.regime].vol * this.volScale;
  }

  activityMultiplier(): number {
    return SPECS[this.regime].activity * this.activityScale;
  }

  private pickNext(): SimRegime {
    const draw = this.rng.uniform();
    let cumulative = 0;
    for (const candidate of SIM_REGIMES) {
      cumulative += SPECS[this.regime].next[candidate];
      if (draw < cumulative) return candidate;
    }
    return this.regime === "normal" ? "calm" : "normal";
  }
}
