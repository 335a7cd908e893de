import { Decimal } from "decimal.js";

/** The 11 fields of a TRADE command as the EA reads them; null for a command it would not act on (no reply). */

export interface TradeFields {
  action: string;
  type: number;
  symbol: string;
  price: Decimal;
  slPoints: Decimal;
  tpPoints: Decimal;
  comment: string;
  lots: Decimal;
  magic: string;
  ticket: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;

export function parseTradeFields(fields: string[]): TradeFields | null {
  if (fields.length !== 11 || fields[0] !== "TRADE") return null;
  const [, action, type, symbol, price, sl, tp, comment, lots, magic, ticket] = fields;
  if (!/^[0-5]$/.test(type) || ![price, sl, tp, lots].every((f) => DECIMAL.test(f)) || !INTEGER.test(magic) || !INTEGER.test(ticket)) return null;
  return {
    action, type: Number(type), symbol, price: new Decimal(price), slPoints: new Decimal(sl), tpPoints: new Decimal(tp),
    comment, lots: new Decimal(lots), magic: BigInt(magic).toString(), ticket: BigInt(ticket).toString(),
  };
}
