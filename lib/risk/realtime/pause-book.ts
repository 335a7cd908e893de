/** Which protection paused trading. */
export type PauseCode = "STOPLOSS_GUARD" | "COOLDOWN_AFTER_EXIT" | "LOW_PROFIT";

/** New entries on a symbol (every symbol when symbol is null) are refused until `until` (ms). */
export interface RiskPause {
  symbol: string | null;
  code: PauseCode;
  reason: string;
  until: number;
}

/** The protections' pauses in force; reduce-only orders are never paused. */
export class PauseBook {
  private readonly pauses: RiskPause[] = [];
  private readonly untilBySymbol = new Map<string, number>();
  private allUntil = 0;

  add(pause: RiskPause): void {
    this.pauses.push(pause);
    if (pause.symbol === null) this.allUntil = Math.max(this.allUntil, pause.until);
    else this.untilBySymbol.set(pause.symbol, Math.max(this.untilBySymbol.get(pause.symbol) ?? 0, pause.until));
  }

  /** Until when entries on the symbol are refused, or null when they are not. */
  pausedUntil(symbol: string, now: number): number | null {
    const until = Math.max(this.allUntil, this.untilBySymbol.get(symbol) ?? 0);
    return until > now ? until : null;
  }

  /** Pauses still in force, oldest first; expired ones are forgotten. */
  active(now: number): RiskPause[] {
    for (let i = this.pauses.length - 1; i >= 0; i--) if (this.pauses[i].until <= now) this.pauses.splice(i, 1);
    return [...this.pauses];
  }
}
