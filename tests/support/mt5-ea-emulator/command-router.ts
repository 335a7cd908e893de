import { reply, str } from "./ea-literal";
import { historyReply } from "./history";
import { closeAll, closeOrder, closePartial, modifyOrder, type CloseFaults } from "./manage-orders";
import type { MarketPublisher } from "./market-publisher";
import { openOrder } from "./open-order";
import { accountInfoReply, openTradesReply, type AccountDetails } from "./terminal-replies";
import type { Terminal } from "./terminal";
import { parseTradeFields } from "./trade-fields";

export type GuardCode = "TRADING_IS_NOT_ALLOWED" | "EA_IS_DISABLED" | "TRADE_CONTEXT_BUSY" | "DLLS_DISABLED" | "LIBS_DISABLED" | "NO_BROKER_CONNECTION";

export interface EaState {
  terminal: Terminal;
  publisher: MarketPublisher;
  account: AccountDetails;
  faults: CloseFaults;
  guard: GuardCode | null;
}

/** The EA splits a command into at most this many fields and ignores anything it cannot read. */
const MAX_FIELDS = 11;
const TRADE_ACTIONS = new Set(["OPEN", "MODIFY", "CLOSE", "CLOSE_PARTIAL", "CLOSE_MAGIC", "CLOSE_ALL", "GET_OPEN_TRADES", "GET_ACCOUNT_INFO"]);

/** One command string in, the reply text out; null means the EA stays silent (unknown or malformed command). */
export function handleCommand(state: EaState, command: string): string | null {
  const fields = command.split(";");
  if (fields.length > MAX_FIELDS || !isRecognised(fields)) return null;
  // Guard checks run before any command is interpreted: while trading is impossible every command gets one.
  if (state.guard !== null) return reply([["_response", str(`${state.guard}__ABORTED_COMMAND`)]]);
  switch (fields[0]) {
    case "HEARTBEAT": return reply([["_action", str("heartbeat")], ["_response", str("loud and clear!")]]);
    case "TRACK_PRICES": return state.publisher.trackPrices(fields.slice(1));
    case "TRACK_RATES": return state.publisher.trackRates(fields.slice(1));
    case "HIST": return fields.length === 5 ? historyReply(state.terminal, fields.slice(1)) : null;
    default: return handleTrade(state, fields);
  }
}

function isRecognised(fields: string[]): boolean {
  if (fields[0] === "TRADE") return parseTradeFields(fields) !== null && TRADE_ACTIONS.has(fields[1]);
  return ["HEARTBEAT", "TRACK_PRICES", "TRACK_RATES", "HIST"].includes(fields[0]);
}

function handleTrade(state: EaState, raw: string[]): string | null {
  const fields = parseTradeFields(raw)!;
  const { terminal } = state;
  switch (fields.action) {
    case "OPEN": return openOrder(terminal, fields);
    case "MODIFY": return modifyOrder(terminal, fields);
    case "CLOSE": return closeOrder(terminal, fields, state.faults);
    case "CLOSE_PARTIAL": return closePartial(terminal, fields);
    case "CLOSE_MAGIC": return closeAll(terminal, fields.magic);
    case "CLOSE_ALL": return closeAll(terminal, null);
    case "GET_OPEN_TRADES": return openTradesReply(terminal);
    case "GET_ACCOUNT_INFO": return accountInfoReply(terminal, state.account);
    default: return null;
  }
}
