/**
 * Display formatting only. Values arrive as decimal strings (money) or floats (market data);
 * Number() is used solely to feed Intl, never for arithmetic on money.
 */
const LOCALE = "en-US";

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, options);
    cache.set(key, format);
  }
  return format;
}

function toFinite(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export const EMPTY = "—";

/** Money with 2 decimals and the currency code as a suffix (USDT is not an ISO currency, so no style: "currency"). */
export function formatMoney(value: string | null | undefined, currency?: string): string {
  const n = toFinite(value);
  if (n === null) return EMPTY;
  const text = numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  return currency ? `${text} ${currency}` : text;
}

/** Money with an explicit sign, for P&L. */
export function formatSignedMoney(value: string | null | undefined, currency?: string): string {
  const n = toFinite(value);
  if (n === null) return EMPTY;
  const text = numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(n);
  return currency ? `${text} ${currency}` : text;
}

/** Prices: fixed decimals when the instrument is known, otherwise a magnitude-based guess. */
export function formatPrice(value: string | number | null | undefined, decimals?: number): string {
  const n = toFinite(value);
  if (n === null) return EMPTY;
  const digits = decimals ?? (Math.abs(n) >= 1000 ? 2 : Math.abs(n) >= 1 ? 4 : 6);
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Quantities keep their own precision (up to 8 places), trailing zeros dropped. */
export function formatQuantity(value: string | number | null | undefined): string {
  const n = toFinite(value);
  if (n === null) return EMPTY;
  return numberFormat({ maximumFractionDigits: 8 }).format(n);
}

export function formatPercent(fraction: number | null, signed = true): string {
  if (fraction === null || !Number.isFinite(fraction)) return EMPTY;
  return numberFormat({
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(fraction);
}

export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return EMPTY;
  return new Date(ms).toLocaleTimeString(LOCALE, { hour12: false });
}

export function formatDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return EMPTY;
  return new Date(ms).toLocaleString(LOCALE, { hour12: false, month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export type Direction = "up" | "down" | "flat";

/** Sign of a decimal string, read from its text so no float rounding can flip it. */
export function directionOf(value: string | number | null | undefined): Direction {
  if (value === null || value === undefined) return "flat";
  const text = String(value).trim();
  if (!/[1-9]/.test(text)) return "flat";
  return text.startsWith("-") ? "down" : "up";
}

/** CSS class for a colored value. */
export function directionClass(direction: Direction): string {
  return direction === "up" ? "text-up" : direction === "down" ? "text-down" : "text-flat";
}

/** Fees are often fractions of a cent: keep up to 8 places rather than rounding them to zero. */
export function formatFee(value: string | null | undefined): string {
  const n = toFinite(value);
  if (n === null) return EMPTY;
  return numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 8 }).format(n);
}
