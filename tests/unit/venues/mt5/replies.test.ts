import { describe, expect, it } from "vitest";
import { parseDictLiteral } from "@/lib/venues/mt5/dict-literal";
import {
  guardFailure, mtErrorText, Mt5ReplyError, readAccountInfo, readClose, readCloseAll, readExecution, readHist, readModify, readOpenTrades, readTrack,
} from "@/lib/venues/mt5/replies";

const parse = (text: string) => parseDictLiteral(text) as Record<string, unknown>;

describe("MT5 reply readers", () => {
  it("reads an execution with its 64-bit ticket and exact prices", () => {
    const reply = parse("{'_action': 'EXECUTION', '_symbol': 'EURUSD', '_magic': 123456, '_ticket': 9007199254740993, '_open_time': '2019.04.29 20:06:31', '_open_price': 1.11640000, '_sl': 1.11140000, '_tp': 0.00000000}");
    expect(readExecution(reply)).toEqual({
      ok: true, symbol: "EURUSD", ticket: "9007199254740993", magic: "123456", openTime: "2019.04.29 20:06:31", openPrice: "1.11640000", sl: "1.11140000", tp: null,
    });
  });

  it("turns OPEN errors (response_value without underscore) into plain words", () => {
    expect(readExecution(parse("{'_action': 'EXECUTION', '_response': '134', 'response_value': 'not enough money'}"))).toEqual({ ok: false, code: "134", message: "Not enough money." });
    expect(readExecution(parse("{'_action': 'EXECUTION', '_response': 'NUM_ORDERS_ERROR', 'response_value': 'MAX_NUMBER_OF_ORDERS_EXCEEDED'}"))).toMatchObject({ ok: false, code: "NUM_ORDERS_ERROR", message: expect.stringContaining("maximum number of open orders") });
    expect(readExecution(parse("{'_action': 'EXECUTION', '_response': '10019', 'response_value': 'no money'}"))).toEqual({ ok: false, code: "10019", message: "MetaTrader error 10019: no money." });
  });

  it("fails any reader with the guard's reason when the EA aborted the command", () => {
    const guard = parse("{'_response': 'TRADING_IS_NOT_ALLOWED__ABORTED_COMMAND'}");
    expect(guardFailure(guard)).toEqual({ ok: false, code: "TRADING_IS_NOT_ALLOWED", message: expect.stringContaining("Algo trading is switched off") });
    expect(readExecution(guard)).toMatchObject({ ok: false, code: "TRADING_IS_NOT_ALLOWED" });
    expect(readOpenTrades(guard)).toMatchObject({ ok: false, code: "TRADING_IS_NOT_ALLOWED" });
    expect(guardFailure(parse("{'_response': 'SOMETHING_NEW__ABORTED_COMMAND'}"))?.message).toBe("MetaTrader refused the command (something new).");
    expect(guardFailure(parse("{'_action': 'CLOSE', '_response': 'NOT_FOUND'}"))).toBeNull();
  });

  it("throws on a reply for another command or with a missing field: the outcome is unknown, not refused", () => {
    expect(() => readExecution(parse("{'_action': 'heartbeat', '_response': 'loud and clear!'}"))).toThrow(Mt5ReplyError);
    expect(() => readExecution(parse("{'_action': 'EXECUTION', '_ticket': 1, '_open_time': 'x', '_open_price': 'abc'}"))).toThrow(Mt5ReplyError);
  });

  it("reads MODIFY successes and failures", () => {
    expect(readModify(parse("{'_action': 'MODIFY', '_sl': 1.09520000, '_tp': 0.00000000}"))).toEqual({ ok: true, sl: "1.09520000", tp: null });
    expect(readModify(parse("{'_action': 'MODIFY', '_response': '130', '_response_value': 'invalid stops'}"))).toMatchObject({ ok: false, code: "130", message: expect.stringMatching(/^Invalid stops/) });
    expect(readModify(parse("{'_action': 'MODIFY', '_response': 'NOT_FOUND'}"))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("trusts the close price, not the SUCCESS word, for a market close", () => {
    expect(readClose(parse("{'_action': 'CLOSE', '_ticket': 85051741, '_close_price': 1.11600000, '_close_lots': 0.01000000, '_response': 'CLOSE_MARKET', '_response_value': 'SUCCESS'}")))
      .toEqual({ ok: true, kind: "market", ticket: "85051741", closePrice: "1.11600000", closeLots: "0.01000000" });
    expect(readClose(parse("{'_action': 'CLOSE', '_ticket': 85051741, '_response': '138', '_response_value': 'requote', '_response_value': 'SUCCESS'}")))
      .toEqual({ ok: false, code: "138", message: "Requote: the price changed." });
    expect(readClose(parse("{'_action': 'CLOSE', '_ticket': 1, '_response': 'CLOSE_PENDING', '_response_value': 'SUCCESS'}"))).toMatchObject({ ok: true, kind: "pending", closePrice: null });
    expect(readClose(parse("{'_action': 'CLOSE', '_ticket': 1, '_close_price': 1.1, '_close_lots': 0.02, '_response': 'CLOSE_PARTIAL', '_response_value': 'SUCCESS'}"))).toMatchObject({ ok: true, kind: "partial", closeLots: "0.02" });
    expect(readClose(parse("{'_action': 'CLOSE', '_ticket': 1, '_response': 'CLOSE_PARTIAL_FAILED'}"))).toMatchObject({ ok: false, code: "CLOSE_PARTIAL_FAILED" });
    expect(readClose(parse("{'_action': 'CLOSE', '_ticket': 1, '_response': 'NOT_FOUND'}"))).toMatchObject({ ok: false, code: "NOT_FOUND", message: "No such order in the terminal." });
  });

  it("reads CLOSE_MAGIC maps ending in ', }' and CLOSE_ALL with nothing to close", () => {
    const reply = parse("{'_action': 'CLOSE_ALL_MAGIC', '_magic': 123456, '_responses': {9007199254740993: {'_symbol': 'EURUSD', '_close_price': 1.1, '_close_lots': 0.01, '_response': 'CLOSE_MARKET'}, 9007199254740995: {'_symbol': 'EURUSD', '_response': 'CLOSE_PENDING'}, }, '_response_value': 'SUCCESS'}");
    expect(readCloseAll(reply)).toEqual({ ok: true, results: [
      { ok: true, kind: "market", ticket: "9007199254740993", closePrice: "1.1", closeLots: "0.01" },
      { ok: true, kind: "pending", ticket: "9007199254740995", closePrice: null, closeLots: null },
    ] });
    expect(readCloseAll(parse("{'_action': 'CLOSE_ALL', '_response': 'NOT_FOUND'}"))).toEqual({ ok: true, results: [] });
  });

  it("lists every open trade with ticket strings, magic, comment, and no SL/TP as null", () => {
    const reply = parse("{'_action': 'OPEN_TRADES', '_trades': {9007199254740993: {'_magic': 0, '_symbol': 'EURUSD', '_lots': 0.01000000, '_type': 2, '_open_price': 1.09000000, '_open_time': '2024.05.01 12:00:00', '_SL': 0.00000000, '_TP': 1.10000000, '_pnl': 0.00000000, '_comment': 'O'Brien's'}}}");
    expect(readOpenTrades(reply)).toEqual([{
      ticket: "9007199254740993", magic: "0", symbol: "EURUSD", lots: "0.01000000", type: 2, openPrice: "1.09000000", openTime: "2024.05.01 12:00:00",
      sl: null, tp: "1.10000000", pnl: "0.00000000", comment: "O'Brien's",
    }]);
    expect(readOpenTrades(parse("{'_action': 'OPEN_TRADES', '_trades': {}}"))).toEqual([]);
  });

  it("reads account information", () => {
    const reply = parse("{'_action': 'GET_ACCOUNT_INFORMATION', 'account_number': 20240001, '_data': [{'currenttime': '2024.05.01 12:00:00', 'account_name': 'Demo', 'account_balance': 10000.00000000, 'account_equity': 9999.80000000, 'account_profit': -0.20000000, 'account_free_margin': 9988.80000000, 'account_leverage': 100}]}");
    expect(readAccountInfo(reply)).toEqual({
      accountNumber: "20240001", time: "2024.05.01 12:00:00", name: "Demo", balance: "10000.00000000", equity: "9999.80000000", profit: "-0.20000000", freeMargin: "9988.80000000", leverage: "100",
    });
  });

  it("reads the symbols TRACK_PRICES could not find, and HIST bars", () => {
    expect(readTrack(parse("{'_action': 'TRACK_PRICES', '_data': {'symbol_count': 1, 'error_symbols': ['XAUEUR']}}"))).toEqual({ action: "TRACK_PRICES", errorSymbols: ["XAUEUR"] });
    const hist = parse("{'_action': 'HIST', '_symbol': 'EURUSD_D1', '_data': [{'time': '2024.01.01 00:00', 'open': 1.1, 'high': 1.2, 'low': 1.0, 'close': 1.15, 'tick_volume': 10, 'spread': 2, 'real_volume': 0}]}");
    expect(readHist(hist)).toEqual({ ok: true, topic: "EURUSD_D1", bars: [{ time: "2024.01.01 00:00", open: "1.1", high: "1.2", low: "1.0", close: "1.15", tickVolume: "10", spread: "2", realVolume: "0" }] });
    expect(readHist(parse("{'_action': 'HIST', '_response': 'NOT_AVAILABLE'}"))).toMatchObject({ ok: false, code: "NOT_AVAILABLE" });
  });

  it("explains the MT error codes in plain words", () => {
    expect(["129", "130", "131", "132", "134", "138", "146", "4106", "LOT_SIZE_ERROR", "NUM_ORDERS_ERROR"].map((code) => mtErrorText(code))).toEqual([
      "Invalid price.", expect.stringMatching(/^Invalid stops/), "Invalid trade volume.", "The market is closed.", "Not enough money.",
      "Requote: the price changed.", "The terminal is busy with another trade operation.", "Unknown symbol.",
      expect.stringContaining("maximum lot size"), expect.stringContaining("maximum number of open orders"),
    ]);
    expect(mtErrorText(4756)).toBe("MetaTrader error 4756.");
  });
});
