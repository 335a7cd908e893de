/**
 * Typed readers of the EA's parsed replies (parseDictLiteral output; see ../shared/ref/mt5-zeromq.md).
 * An EA-side refusal (an MT error code, a guard reply, NOT_FOUND...) is a value: `{ ok: false, code, message }` with
 * the message in plain words. A reply whose shape is not the protocol's throws Mt5ReplyError: the command's outcome
 * is then unknown, which is not the same as refused. Tickets and magic numbers come out as decimal strings and every
 * price, lot or amount as the exact decimal text the EA sent.
 */

export class Mt5ReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Mt5ReplyError";
  }
}

export interface Mt5Failure {
  ok: false;
  code: string;
  message: string;
}

type Reply = Record<string, unknown>;

export interface Execution {
  ok: true;
  symbol: string | null;
  ticket: string;
  magic: string | null;
  /** Broker server time, YYYY.MM.DD HH:MM:SS. */
  openTime: string;
  openPrice: string;
  sl: string | null;
  tp: string | null;
}

export interface Modification {
  ok: true;
  sl: string | null;
  tp: string | null;
}

export interface Closing {
  ok: true;
  /** partial: the remainder lives on under a NEW ticket, to be found in GET_OPEN_TRADES. */
  kind: "market" | "partial" | "pending";
  ticket: string | null;
  closePrice: string | null;
  closeLots: string | null;
}

export interface OpenTrade {
  ticket: string;
  magic: string;
  symbol: string;
  lots: string;
  /** MT order type: 0 BUY, 1 SELL, 2-5 pending. */
  type: number;
  openPrice: string;
  openTime: string;
  sl: string | null;
  tp: string | null;
  pnl: string;
  comment: string;
}

export interface AccountInfo {
  accountNumber: string;
  time: string | null;
  name: string;
  balance: string;
  equity: string;
  profit: string;
  freeMargin: string;
  leverage: string;
}

export interface TrackReply {
  action: "TRACK_PRICES" | "TRACK_RATES";
  /** Symbols the EA could not find: they are not published. */
  errorSymbols: string[];
}

export interface HistBar {
  time: string;
  open: string;
  high: string;
  low: string;
  close: string;
  tickVolume: string;
  spread: string;
  realVolume: string;
}

const GUARD_SUFFIX = "__ABORTED_COMMAND";

const GUARD_TEXT: Record<string, string> = {
  TRADING_IS_NOT_ALLOWED: "Algo trading is switched off in the MetaTrader terminal (the Algo Trading button).",
  EA_IS_DISABLED: "The expert advisor is not allowed to trade (its 'Allow Algo Trading' setting is off).",
  TRADE_CONTEXT_BUSY: "The terminal is busy with another trade operation; try again in a moment.",
  DLLS_DISABLED: "DLL imports are disabled in the terminal, and the ZeroMQ expert advisor needs them.",
  LIBS_DISABLED: "External libraries are disabled for the expert advisor in the terminal.",
  NO_BROKER_CONNECTION: "The MetaTrader terminal has no connection to the broker's server.",
};

const MT_ERROR_TEXT: Record<string, string> = {
  "129": "Invalid price.",
  "130": "Invalid stops: the stop loss or take profit is too close to the price or on the wrong side.",
  "131": "Invalid trade volume.",
  "132": "The market is closed.",
  "134": "Not enough money.",
  "138": "Requote: the price changed.",
  "146": "The terminal is busy with another trade operation.",
  "4106": "Unknown symbol.",
  LOT_SIZE_ERROR: "The volume is above the expert advisor's maximum lot size setting.",
  NUM_ORDERS_ERROR: "The expert advisor's maximum number of open orders is reached (counted over the whole terminal).",
  NOT_FOUND: "No such order in the terminal.",
  CLOSE_PARTIAL_FAILED: "The partial close failed.",
  NOT_AVAILABLE: "No history is available for this request.",
};

/** A guard reply (`{'_response': 'X__ABORTED_COMMAND'}`, no `_action`) as a failure, or null for any other reply. */
export function guardFailure(reply: Reply): Mt5Failure | null {
  const response = reply._response;
  if (typeof response !== "string" || !response.endsWith(GUARD_SUFFIX)) return null;
  const code = response.slice(0, -GUARD_SUFFIX.length);
  const message = GUARD_TEXT[code] ?? `MetaTrader refused the command (${code.toLowerCase().replaceAll("_", " ")}).`;
  return { ok: false, code, message };
}

/** An MT error code or EA error word in plain words. */
export function mtErrorText(code: string | number): string {
  return MT_ERROR_TEXT[String(code)] ?? `MetaTrader error ${String(code)}.`;
}

export function readExecution(reply: Reply): Execution | Mt5Failure {
  const refused = refusal(reply, "EXECUTION");
  if (refused) return refused;
  if (!("_ticket" in reply) && typeof reply._response === "string") return failure(reply._response, reply.response_value ?? reply._response_value);
  return {
    ok: true,
    symbol: optionalText(reply, "_symbol"),
    ticket: integerText(reply, "_ticket"),
    magic: "_magic" in reply ? integerText(reply, "_magic") : null,
    openTime: text(reply, "_open_time"),
    openPrice: decimalText(reply, "_open_price"),
    sl: level(reply, "_sl"),
    tp: level(reply, "_tp"),
  };
}

export function readModify(reply: Reply): Modification | Mt5Failure {
  const refused = refusal(reply, "MODIFY");
  if (refused) return refused;
  if (typeof reply._response === "string") return failure(reply._response, reply._response_value);
  return { ok: true, sl: level(reply, "_sl"), tp: level(reply, "_tp") };
}

/** CLOSE and CLOSE_PARTIAL. A market close succeeded only if it reports a close price, whatever word follows. */
export function readClose(reply: Reply): Closing | Mt5Failure {
  const refused = refusal(reply, "CLOSE");
  if (refused) return refused;
  return closingOf(reply);
}

/** CLOSE_ALL and CLOSE_MAGIC: one result per ticket. Nothing to close (CLOSE_ALL's NOT_FOUND) is an empty list. */
export function readCloseAll(reply: Reply): { ok: true; results: (Closing | (Mt5Failure & { ticket: string }))[] } | Mt5Failure {
  const guard = guardFailure(reply);
  if (guard) return guard;
  if (reply._action !== "CLOSE_ALL" && reply._action !== "CLOSE_ALL_MAGIC") throw new Mt5ReplyError(`expected a CLOSE_ALL reply, got ${String(reply._action)}`);
  if (reply._response === "NOT_FOUND" && !("_responses" in reply)) return { ok: true, results: [] };
  const results = Object.entries(record(reply, "_responses")).map(([ticket, entry]) => {
    if (!isRecord(entry)) throw new Mt5ReplyError(`_responses.${ticket} is not a dict`);
    const closing = closingOf({ _ticket: ticket, ...entry });
    return closing.ok ? closing : { ...closing, ticket };
  });
  return { ok: true, results };
}

/** Every order in the terminal, pending and manual ones included. */
export function readOpenTrades(reply: Reply): OpenTrade[] | Mt5Failure {
  const refused = refusal(reply, "OPEN_TRADES");
  if (refused) return refused;
  return Object.entries(record(reply, "_trades")).map(([ticket, entry]) => {
    if (!isRecord(entry)) throw new Mt5ReplyError(`_trades.${ticket} is not a dict`);
    return {
      ticket, magic: integerText(entry, "_magic"), symbol: text(entry, "_symbol"), lots: decimalText(entry, "_lots"),
      type: Number(integerText(entry, "_type")), openPrice: decimalText(entry, "_open_price"), openTime: text(entry, "_open_time"),
      sl: level(entry, "_SL"), tp: level(entry, "_TP"), pnl: decimalText(entry, "_pnl"), comment: optionalText(entry, "_comment") ?? "",
    };
  });
}

export function readAccountInfo(reply: Reply): AccountInfo | Mt5Failure {
  const refused = refusal(reply, "GET_ACCOUNT_INFORMATION");
  if (refused) return refused;
  const data = reply._data;
  const latest = Array.isArray(data) ? data[data.length - 1] : undefined;
  if (!isRecord(latest)) throw new Mt5ReplyError("account info without _data");
  return {
    accountNumber: integerText(reply, "account_number"), time: optionalText(latest, "currenttime"), name: optionalText(latest, "account_name") ?? "",
    balance: decimalText(latest, "account_balance"), equity: decimalText(latest, "account_equity"), profit: decimalText(latest, "account_profit"),
    freeMargin: decimalText(latest, "account_free_margin"), leverage: decimalText(latest, "account_leverage"),
  };
}

/** TRACK_PRICES and TRACK_RATES (the counts are not reliable; the error symbols are). */
export function readTrack(reply: Reply): TrackReply | Mt5Failure {
  const guard = guardFailure(reply);
  if (guard) return guard;
  const action = reply._action;
  if (action !== "TRACK_PRICES" && action !== "TRACK_RATES") throw new Mt5ReplyError(`expected a TRACK reply, got ${String(action)}`);
  const data = isRecord(reply._data) ? reply._data : {};
  const errors = Array.isArray(data.error_symbols) ? data.error_symbols : [];
  return { action, errorSymbols: errors.filter((s): s is string => typeof s === "string") };
}

export function readHist(reply: Reply): { ok: true; topic: string; bars: HistBar[] } | Mt5Failure {
  const refused = refusal(reply, "HIST");
  if (refused) return refused;
  if (typeof reply._response === "string") return failure(reply._response, reply._response_value);
  const data = reply._data;
  if (!Array.isArray(data)) throw new Mt5ReplyError("HIST reply without _data");
  const bars = data.map((bar) => {
    if (!isRecord(bar)) throw new Mt5ReplyError("HIST bar is not a dict");
    return {
      time: text(bar, "time"), open: decimalText(bar, "open"), high: decimalText(bar, "high"), low: decimalText(bar, "low"), close: decimalText(bar, "close"),
      tickVolume: decimalText(bar, "tick_volume"), spread: decimalText(bar, "spread"), realVolume: decimalText(bar, "real_volume"),
    };
  });
  return { ok: true, topic: text(reply, "_symbol"), bars };
}

function closingOf(reply: Reply): Closing | Mt5Failure {
  const response = reply._response;
  const ticket = "_ticket" in reply ? integerText(reply, "_ticket") : null;
  if (response === "CLOSE_PENDING") return { ok: true, kind: "pending", ticket, closePrice: null, closeLots: null };
  if ("_close_price" in reply) {
    const kind = response === "CLOSE_PARTIAL" ? "partial" : "market";
    return { ok: true, kind, ticket, closePrice: decimalText(reply, "_close_price"), closeLots: "_close_lots" in reply ? decimalText(reply, "_close_lots") : null };
  }
  if (typeof response === "string") return failure(response, reply._response_value);
  return failure("CLOSE_FAILED", "the EA reported no close price");
}

/** A guard reply, or a throw when the reply is for another command. */
function refusal(reply: Reply, action: string): Mt5Failure | null {
  const guard = guardFailure(reply);
  if (guard) return guard;
  if (reply._action !== action) throw new Mt5ReplyError(`expected a ${action} reply, got ${String(reply._action)}`);
  return null;
}

function failure(code: string, eaText: unknown): Mt5Failure {
  const known = MT_ERROR_TEXT[code];
  if (known) return { ok: false, code, message: known };
  const detail = typeof eaText === "string" && eaText !== "" && eaText !== "SUCCESS" ? `: ${eaText}` : "";
  return { ok: false, code, message: `${mtErrorText(code).replace(/\.$/, "")}${detail}.` };
}

const DECIMAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function decimalText(reply: Reply, key: string): string {
  const value = reply[key];
  if (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) return value.toString();
  if (typeof value === "string" && DECIMAL.test(value)) return value;
  throw new Mt5ReplyError(`${key} is not a number: ${String(value)}`);
}

function integerText(reply: Reply, key: string): string {
  const value = decimalText(reply, key);
  if (!/^-?\d+$/.test(value)) throw new Mt5ReplyError(`${key} is not an integer: ${value}`);
  return value;
}

/** An SL/TP price; the EA writes 0 for none. */
function level(reply: Reply, key: string): string | null {
  if (!(key in reply) || reply[key] === null) return null;
  const value = decimalText(reply, key);
  return Number(value) === 0 ? null : value;
}

function text(reply: Reply, key: string): string {
  const value = reply[key];
  if (typeof value !== "string") throw new Mt5ReplyError(`${key} is missing`);
  return value;
}

function optionalText(reply: Reply, key: string): string | null {
  const value = reply[key];
  return typeof value === "string" ? value : null;
}

function record(reply: Reply, key: string): Reply {
  const value = reply[key];
  if (!isRecord(value)) throw new Mt5ReplyError(`${key} is not a dict`);
  return value;
}

function isRecord(value: unknown): value is Reply {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
