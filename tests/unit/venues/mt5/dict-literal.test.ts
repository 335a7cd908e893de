import { describe, expect, it } from "vitest";
import { Mt5ParseError, parseDictLiteral } from "@/lib/venues/mt5/dict-literal";

describe("parseDictLiteral", () => {
  it("reads an EA execution reply: single quotes, 8-decimal prices kept as exact text, integers as numbers", () => {
    const reply = parseDictLiteral("{'_action': 'EXECUTION', '_magic': 123456, '_ticket': 85051741, '_open_time': '2019.04.29 20:06:31', '_open_price': 1.11640000, '_sl': 0.00000000}");
    expect(reply).toEqual({ _action: "EXECUTION", _magic: 123456, _ticket: 85051741, _open_time: "2019.04.29 20:06:31", _open_price: "1.11640000", _sl: "0.00000000" });
  });

  it("keeps tickets beyond 2^53 exact, as bigint values and as decimal-string keys", () => {
    const reply = parseDictLiteral("{'_ticket': 9007199254740993, '_trades': {9007199254740995: {'_lots': 0.01}}}") as Record<string, unknown>;
    expect(reply._ticket).toBe(9007199254740993n);
    expect(Object.keys(reply._trades as object)).toEqual(["9007199254740995"]);
  });

  it("keeps decimals digit for digit, negative ones and those with more digits than a double holds", () => {
    expect(parseDictLiteral("[-0.02000000, 0.1, 12345678901234567.123456789, 1e-05]")).toEqual(["-0.02000000", "0.1", "12345678901234567.123456789", "1e-05"]);
  });

  it("reads True, False, None, double-quoted strings, lists and nested dicts", () => {
    expect(parseDictLiteral(`{"a": True, 'b': False, 'c': None, 'd': ['x', "y", [1, {'e': 2}]]}`)).toEqual({ a: true, b: false, c: null, d: ["x", "y", [1, { e: 2 }]] });
  });

  it("accepts trailing commas in dicts and lists (the EA's loop-built maps end in ', }')", () => {
    expect(parseDictLiteral("{'_responses': {1: {'_close_price': 1.1, }, 2: {'_response': 'CLOSE_PENDING'}, }, 'l': [1, 2, ], }")).toEqual({
      _responses: { "1": { _close_price: "1.1" }, "2": { _response: "CLOSE_PENDING" } }, l: [1, 2],
    });
  });

  it("lets the last of duplicate keys win (a failed close that still ends with SUCCESS)", () => {
    expect(parseDictLiteral("{'_response': '138', '_response_value': 'requote', '_response_value': 'SUCCESS'}")).toEqual({ _response: "138", _response_value: "SUCCESS" });
  });

  it("accepts a doubled closing brace at the end", () => {
    expect(parseDictLiteral("{'_action': 'heartbeat', '_response': 'loud and clear!'}}")).toEqual({ _action: "heartbeat", _response: "loud and clear!" });
  });

  it("keeps unescaped apostrophes and commas inside values when what follows cannot continue the literal", () => {
    expect(parseDictLiteral("{'account_name': 'O'Brien's demo', 'c': 'it's', 'd': 'no, sorry', 'e': 'a:b'}")).toEqual({
      account_name: "O'Brien's demo", c: "it's", d: "no, sorry", e: "a:b",
    });
  });

  it("keeps a key named __proto__ as data", () => {
    const reply = parseDictLiteral("{'__proto__': {'polluted': 1}}") as Record<string, unknown>;
    expect(Object.getPrototypeOf(reply)).toBe(Object.prototype);
    expect(Object.keys(reply)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["", 0],
    ["{'a': 1", 7],
    ["{'a' 1}", 5],
    ["{'a': 1} trailing", 9],
    ["{'a': 'unterminated}x", 6],
    ["{1.5: 'x'}", 1],
    ["{'a': Nonesuch}", 6],
    ["{'a': 1-2}", 6],
    ["__import__('os')", 0],
  ])("throws Mt5ParseError with the position on garbage: %s", (text, position) => {
    let error: unknown;
    try {
      parseDictLiteral(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Mt5ParseError);
    expect((error as Mt5ParseError).position).toBe(position);
  });
});
