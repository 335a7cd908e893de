import { dbl, dict, int, list, reply, str } from "./ea-literal";
import { serverTime } from "./server-time";
import type { Terminal } from "./terminal";

export interface AccountDetails {
  number: string;
  name: string;
  leverage: number;
}

/** GET_OPEN_TRADES: every order in the terminal, whoever placed it, pending ones included. */
export function openTradesReply(terminal: Terminal): string {
  const trades = [...terminal.orders.values()].map((order) => [order.ticket.toString(), dict([
    ["_magic", int(order.magic)], ["_symbol", str(order.symbol)], ["_lots", dbl(order.lots)], ["_type", int(order.type)],
    ["_open_price", dbl(order.openPrice)], ["_open_time", str(serverTime(order.openTime))], ["_SL", dbl(order.sl ?? 0)],
    ["_TP", dbl(order.tp ?? 0)], ["_pnl", dbl(terminal.profit(order))], ["_comment", str(order.comment)],
  ])] as [string, ReturnType<typeof dict>]);
  return reply([["_action", str("OPEN_TRADES")], ["_trades", dict(trades, { bareKeys: true })]]);
}

export function accountInfoReply(terminal: Terminal, account: AccountDetails): string {
  const equity = terminal.equity();
  return reply([
    ["_action", str("GET_ACCOUNT_INFORMATION")], ["account_number", int(account.number)],
    ["_data", list([dict([
      ["currenttime", str(serverTime(terminal.now()))], ["account_name", str(account.name)],
      ["account_balance", dbl(terminal.balance)], ["account_equity", dbl(equity)], ["account_profit", dbl(equity.minus(terminal.balance))],
      ["account_free_margin", dbl(equity)], ["account_leverage", int(account.leverage)],
    ])])],
  ]);
}
