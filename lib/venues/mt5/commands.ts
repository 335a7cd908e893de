import { Decimal } from "decimal.js";
import { dec, floorToStep } from "@/lib/domain/money";

/**
 * Builders of the DWX v2.0.1 command strings (../shared/ref/mt5-zeromq.md). Every number is written in plain fixed
 * notation: the EA misreads exponents such as 1e-7. A builder throws on a value the EA would misread rather than
 * send it.
 */

export type TradeAction = "OPEN" | "MODIFY" | "CLOSE" | "CLOSE_PARTIAL" | "CLOSE_MAGIC" | "CLOSE_ALL" | "GET_OPEN_TRADES" | "GET_ACCOUNT_INFO";
export type Command = TradeAction | "HEARTBEAT" | "TRACK_PRICES" | "TRACK_RATES" | "HIST";

/** The `_action` each command's reply carries: the only way to pair a reply with its command. */
export const REPLY_ACTION: Record<Command, string> = {
  OPEN: "EXECUTION",
  MODIFY: "MODIFY",
  CLOSE: "CLOSE",
  CLOSE_PARTIAL: "CLOSE",
  CLOSE_MAGIC: "CLOSE_ALL_MAGIC",
  CLOSE_ALL: "CLOSE_ALL",
  GET_OPEN_TRADES: "OPEN_TRADES",
  GET_ACCOUNT_INFO: "GET_ACCOUNT_INFORMATION",
  HEARTBEAT: "heartbeat",
  TRACK_PRICES: "TRACK_PRICES",
  TRACK_RATES: "TRACK_RATES",
  HIST: "HIST",
};

/** MT order types: 0 BUY, 1 SELL, 2 BUYLIMIT, 3 SELLLIMIT, 4 BUYSTOP, 5 SELLSTOP. */
export const ORDER_TYPE = { BUY: 0, SELL: 1, BUYLIMIT: 2, SELLLIMIT: 3, BUYSTOP: 4, SELLSTOP: 5 } as const;
export type OrderType = (typeof ORDER_TYPE)[keyof typeof ORDER_TYPE];

export function isBuyType(type: number): boolean {
  return type === 0 || type === 2 || type === 4;
}

/** Timeframes as the EA's topics name them (`EURUSD_M1`), and the minutes the commands carry. */
export const TIMEFRAME_MINUTES = { M1: 1, M5: 5, M15: 15, M30: 30, H1: 60, H4: 240, D1: 1440, W1: 10080, MN1: 43200 } as const;
export type Timeframe = keyof typeof TIMEFRAME_MINUTES;

/** At most this many symbols per TRACK_PRICES: the EA splits a command into at most 11 fields. */
export const MAX_TRACKED_SYMBOLS = 10;
export const MAX_COMMENT_LENGTH = 31;

type DecimalText = string | Decimal;
type IntegerText = string | number | bigint;

export interface TradeCommandFields {
  action: TradeAction;
  type?: OrderType;
  symbol?: string;
  /** Only read for pending orders; ignored for market orders. */
  price?: DecimalText;
  /** SL and TP are distances in points from the open price, 0 = none (see pointsToPrice). */
  slPoints?: IntegerText;
  tpPoints?: IntegerText;
  comment?: string;
  lots?: DecimalText;
  magic?: IntegerText;
  ticket?: IntegerText;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const PLAIN_INTEGER = /^-?\d+$/;
const FIELD = /^[A-Za-z0-9._#+-]+$/;

/** `TRADE;ACTION;TYPE;SYMBOL;PRICE;SL;TP;COMMENT;LOTS;MAGIC;TICKET`: always all 11 fields, as the reference client. */
export function tradeCommand(fields: TradeCommandFields): string {
  return [
    "TRADE", fields.action, String(fields.type ?? ORDER_TYPE.BUY), checkSymbol(fields.symbol ?? "EURUSD"),
    plainDecimal(fields.price ?? "0", "price"),
    plainInteger(fields.slPoints ?? 0, "SL points"), plainInteger(fields.tpPoints ?? 0, "TP points"),
    sanitizeComment(fields.comment ?? ""),
    plainDecimal(fields.lots ?? "0", "lots"),
    plainInteger(fields.magic ?? 0, "magic"), plainInteger(fields.ticket ?? 0, "ticket"),
  ].join(";");
}

export function heartbeatCommand(): string {
  return "HEARTBEAT;";
}

/**
 * TRACK_PRICES replaces the whole list the EA publishes, and one command holds at most 10 symbols, so a second
 * command would replace the first instead of adding to it: more than 10 symbols cannot be tracked and throw.
 * An empty list stops all price publishing. Returned as a list of commands to send in order.
 */
export function trackPricesCommand(symbols: readonly string[]): string[] {
  if (symbols.length > MAX_TRACKED_SYMBOLS) throw new RangeError(`the EA tracks at most ${MAX_TRACKED_SYMBOLS} symbols (${symbols.length} given)`);
  for (const symbol of symbols) checkSymbol(symbol);
  return [["TRACK_PRICES", ...symbols].join(";")];
}

/** TRACK_RATES;SYM;TF;SYM;TF... with TF in minutes; at most 5 pairs fit in the EA's 11 fields. Replaces the list. */
export function trackRatesCommand(pairs: readonly { symbol: string; timeframe: Timeframe }[]): string {
  if (pairs.length > MAX_TRACKED_SYMBOLS / 2) throw new RangeError(`the EA tracks at most ${MAX_TRACKED_SYMBOLS / 2} bar streams (${pairs.length} given)`);
  const fields = pairs.flatMap(({ symbol, timeframe }) => [checkSymbol(symbol), String(timeframeMinutes(timeframe))]);
  return ["TRACK_RATES", ...fields].join(";");
}

/** HIST;SYMBOL;TF;START;END with times in broker server time: a Date is written from its UTC fields. */
export function histCommand(symbol: string, timeframe: Timeframe, start: Date | string, end: Date | string): string {
  return ["HIST", checkSymbol(symbol), String(timeframeMinutes(timeframe)), serverTime(start), serverTime(end)].join(";");
}

/** A decimal in fixed notation with exactly `decimals` places (half-even), never an exponent. */
export function formatNumber(value: DecimalText, decimals: number): string {
  const number = dec(value);
  if (!number.isFinite()) throw new RangeError(`not a finite number: ${String(value)}`);
  return number.toFixed(decimals);
}

/** Lots floored to the symbol's lot step (never more than asked), with the step's decimal places. */
export function formatLots(lots: DecimalText, lotStep: DecimalText): string {
  const step = dec(lotStep);
  if (!(step.gt(0))) throw new RangeError(`lot step must be positive: ${String(lotStep)}`);
  return floorToStep(dec(lots), step).toFixed(step.decimalPlaces());
}

/** A comment the EA can carry and reply with: printable ASCII without `;` or `'`, at most 31 characters. */
export function sanitizeComment(text: string): string {
  return text.replace(/[^\x20-\x7e]|[;']/g, "").slice(0, MAX_COMMENT_LENGTH);
}

export type StopLeg = "sl" | "tp";

/**
 * The EA places an SL `points` below the open price for a buy and above it for a sell (TP the other way round).
 * Without side and leg: the absolute distance in whole points. With them: the signed points the EA needs to put the
 * level at `target` (negative for, say, a buy's SL above its open price). Rounded half-even to whole points.
 */
export function priceToPoints(open: DecimalText, target: DecimalText, point: DecimalText, side?: "buy" | "sell", leg?: StopLeg): string {
  const distance = dec(target).minus(dec(open)).div(dec(point)).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
  if (side === undefined || leg === undefined) return distance.abs().toFixed(0);
  return distance.mul(stopDirection(side, leg)).toFixed(0);
}

/** The price the EA sets for an SL/TP of `points` (the inverse of priceToPoints with side and leg). */
export function pointsToPrice(open: DecimalText, points: IntegerText, point: DecimalText, side: "buy" | "sell", leg: StopLeg): string {
  return dec(open).plus(dec(String(points)).mul(dec(point)).mul(stopDirection(side, leg))).toFixed();
}

function stopDirection(side: "buy" | "sell", leg: StopLeg): number {
  return (side === "buy") === (leg === "tp") ? 1 : -1;
}

function plainDecimal(value: DecimalText, what: string): string {
  const text = typeof value === "string" ? value : value.toFixed();
  if (!PLAIN_DECIMAL.test(text)) throw new RangeError(`${what} ${JSON.stringify(text)} is not a plain decimal`);
  return text;
}

function plainInteger(value: IntegerText, what: string): string {
  const text = typeof value === "number" ? (Number.isSafeInteger(value) ? value.toFixed(0) : "") : String(value);
  if (!PLAIN_INTEGER.test(text)) throw new RangeError(`${what} ${JSON.stringify(String(value))} is not a plain integer`);
  return text;
}

function checkSymbol(symbol: string): string {
  if (!FIELD.test(symbol)) throw new RangeError(`MT5 symbol ${JSON.stringify(symbol)} cannot travel in a command`);
  return symbol;
}

function timeframeMinutes(timeframe: Timeframe): number {
  const minutes = TIMEFRAME_MINUTES[timeframe];
  if (minutes === undefined) throw new RangeError(`unknown timeframe ${String(timeframe)}`);
  return minutes;
}

const SERVER_TIME = /^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2}$/;

function serverTime(time: Date | string): string {
  if (typeof time === "string") {
    if (!SERVER_TIME.test(time)) throw new RangeError(`server time must read YYYY.MM.DD HH:MM:SS: ${time}`);
    return time;
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${time.getUTCFullYear()}.${pad(time.getUTCMonth() + 1)}.${pad(time.getUTCDate())} ${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())}`;
}
