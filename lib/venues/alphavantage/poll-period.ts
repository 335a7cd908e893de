const DAY_MS = 86_400_000;

/**
 * How often each symbol is polled: every bar interval, stretched (in whole intervals) so the day's calls last the
 * whole day instead of being spent in the first hours. Compact answers hold 100 bars, enough to bridge the gap.
 */
export function pollPeriodMs(intervalMs: number, symbolCount: number, callsPerDay: number): number {
  const spreadMs = Math.ceil((symbolCount * DAY_MS) / callsPerDay);
  return Math.max(1, Math.ceil(spreadMs / intervalMs)) * intervalMs;
}
