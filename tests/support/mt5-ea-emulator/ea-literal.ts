import { Decimal } from "decimal.js";

/**
 * Reply text written the way the DWX EA writes it, by string concatenation: single quotes with nothing escaped,
 * doubles with 8 decimals (DoubleToString's default), integers bare.
 */

export type LiteralValue = { raw: string };

export const str = (text: string): LiteralValue => ({ raw: `'${text}'` });
export const dbl = (value: Decimal.Value): LiteralValue => ({ raw: new Decimal(value).toFixed(8) });
export const int = (value: number | bigint | string): LiteralValue => ({ raw: String(value) });
export const list = (items: LiteralValue[]): LiteralValue => ({ raw: `[${items.map((i) => i.raw).join(", ")}]` });

/** `{'k': v, ...}`; keys that are tickets go bare. `trailingComma` reproduces the EA's `, }` in its loop-built maps. */
export function dict(entries: [key: string, value: LiteralValue][], options: { bareKeys?: boolean; trailingComma?: boolean } = {}): LiteralValue {
  const body = entries.map(([key, value]) => `${options.bareKeys ? key : `'${key}'`}: ${value.raw}`);
  if (options.trailingComma && body.length > 0) return { raw: `{${body.map((b) => `${b}, `).join("")}}` };
  return { raw: `{${body.join(", ")}}` };
}

export function reply(entries: [key: string, value: LiteralValue][]): string {
  return dict(entries).raw;
}
