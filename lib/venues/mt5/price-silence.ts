/**
 * Notices a tracked symbol whose price stream went quiet. The EA forgets its TRACK_PRICES list when it restarts, and
 * a restart does not always drop the connection, so a long silence is the only sign left that tracking must be sent
 * again. A quiet market is silent too; re-sending then is harmless.
 */
export class PriceSilenceWatch {
  private readonly lastHeard = new Map<string, number>();

  constructor(private readonly silenceMs: number) {}

  /** Tracking was (re)sent at `at`: every symbol gets a full silence period from now. */
  tracked(symbols: readonly string[], at: number): void {
    this.lastHeard.clear();
    for (const symbol of symbols) this.lastHeard.set(symbol, at);
  }

  heard(symbol: string, at: number): void {
    if (this.lastHeard.has(symbol)) this.lastHeard.set(symbol, at);
  }

  /** Tracked symbols with no price for longer than the silence period. */
  silentSymbols(now: number): string[] {
    return [...this.lastHeard].filter(([, at]) => now - at > this.silenceMs).map(([symbol]) => symbol);
  }
}
