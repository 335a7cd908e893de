export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** Wait before the next attempt after `failures` failed ones: base, 2×base, 4×base, ... capped. */
export function backoffDelayMs(failures: number, { baseMs, maxMs }: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, maxMs);
}
