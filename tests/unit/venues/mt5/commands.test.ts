import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  formatLots, formatNumber, heartbeatCommand, histCommand, pointsToPrice, priceToPoints, REPLY_ACTION, sanitizeComment,
  trackPricesCommand, trackRatesCommand, tradeCommand,
} from "@/lib/venues/mt5/commands";

describe("MT5 command strings", () => {
  it("builds the protocol notes' examples byte for byte", () => {
    expect(tradeCommand({ action: "OPEN", type: 0, symbol: "EURUSD", price: "0", slPoints: 500, tpPoints: 500, comment: "my-cmt", lots: "0.01", magic: 123456, ticket: 0 }))
      .toBe("TRADE;OPEN;0;EURUSD;0;500;500;my-cmt;0.01;123456;0");
    expect(tradeCommand({ action: "CLOSE", type: 0, symbol: "EURUSD", comment: "x", lots: "0.01", magic: 123456, ticket: "85051741" }))
      .toBe("TRADE;CLOSE;0;EURUSD;0;0;0;x;0.01;123456;85051741");
  });

  it("always sends all 11 fields, and 64-bit tickets digit for digit", () => {
    const command = tradeCommand({ action: "GET_OPEN_TRADES" });
    expect(command.split(";")).toHaveLength(11);
    expect(tradeCommand({ action: "CLOSE_PARTIAL", symbol: "GBPUSD", lots: "0.02", ticket: 9007199254740993n }).split(";")[10]).toBe("9007199254740993");
  });

  it("refuses numbers the EA would misread instead of sending them", () => {
    expect(() => tradeCommand({ action: "OPEN", lots: "1e-7" })).toThrow(RangeError);
    expect(() => tradeCommand({ action: "OPEN", price: "1,1" })).toThrow(RangeError);
    expect(() => tradeCommand({ action: "CLOSE", ticket: 2 ** 60 })).toThrow(RangeError);
    expect(() => tradeCommand({ action: "OPEN", symbol: "EUR;USD" })).toThrow(RangeError);
  });

  it("writes decimals without exponents, half-even to the given places", () => {
    expect(formatNumber("1e-7", 8)).toBe("0.00000010");
    expect(formatNumber(new Decimal("1e21"), 2)).toBe("1000000000000000000000.00");
    expect(formatNumber("1.116405", 5)).toBe("1.11640");
    expect(formatNumber("1.116415", 5)).toBe("1.11642");
    expect(tradeCommand({ action: "OPEN", type: 2, price: new Decimal("1e-7"), lots: new Decimal("0.01") }).split(";")[4]).toBe("0.0000001");
  });

  it("floors lots to the lot step, never trading more than asked", () => {
    expect(formatLots("0.019", "0.01")).toBe("0.01");
    expect(formatLots("1.25", "0.1")).toBe("1.2");
    expect(formatLots("3", "1")).toBe("3");
    expect(formatLots(new Decimal("0.00999"), "0.01")).toBe("0.00");
  });

  it("keeps comments short, ASCII, and free of ';' and quotes the EA cannot carry", () => {
    expect(sanitizeComment("a;b'c")).toBe("abc");
    expect(sanitizeComment("café\n🚀 ok")).toBe("caf ok");
    expect(sanitizeComment("tu0123456789abcdefABCD_-xyz-longer-than-31")).toBe("tu0123456789abcdefABCD_-xyz-lon");
    expect(tradeCommand({ action: "OPEN", comment: "it's; fine" }).split(";")).toHaveLength(11);
  });

  it("converts SL/TP prices to the points the EA expects and back, exactly", () => {
    expect(priceToPoints("1.10020", "1.09520", "0.00001")).toBe("500");
    expect(priceToPoints("1.10020", "1.09520", "0.00001", "buy", "sl")).toBe("500");
    expect(priceToPoints("1.10020", "1.10520", "0.00001", "buy", "tp")).toBe("500");
    expect(priceToPoints("1.10000", "1.10500", "0.00001", "sell", "sl")).toBe("500");
    // A buy's stop moved above its open price needs negative points.
    expect(priceToPoints("1.10020", "1.10120", "0.00001", "buy", "sl")).toBe("-100");
    expect(pointsToPrice("1.10020", 500, "0.00001", "buy", "sl")).toBe("1.0952");
    expect(pointsToPrice("150.020", "250", "0.001", "sell", "tp")).toBe("149.77");
    expect(pointsToPrice("0.1", 2, "0.1", "buy", "tp")).toBe("0.3");
  });

  it("tracks at most 10 symbols, since every TRACK_PRICES replaces the last", () => {
    expect(trackPricesCommand(["EURUSD", "GBPUSD"])).toEqual(["TRACK_PRICES;EURUSD;GBPUSD"]);
    expect(trackPricesCommand([])).toEqual(["TRACK_PRICES"]);
    expect(() => trackPricesCommand(Array.from({ length: 11 }, (_, i) => `SYM${i}`))).toThrow(/at most 10/);
  });

  it("builds TRACK_RATES, HIST and HEARTBEAT with timeframes in minutes", () => {
    expect(trackRatesCommand([{ symbol: "EURUSD", timeframe: "M1" }, { symbol: "GBPUSD", timeframe: "H4" }])).toBe("TRACK_RATES;EURUSD;1;GBPUSD;240");
    expect(histCommand("EURUSD", "D1", new Date(Date.UTC(2019, 0, 2, 3, 4, 5)), "2019.02.01 00:00:00")).toBe("HIST;EURUSD;1440;2019.01.02 03:04:05;2019.02.01 00:00:00");
    expect(() => histCommand("EURUSD", "D1", "2019-01-01", "2019.02.01 00:00:00")).toThrow(RangeError);
    expect(heartbeatCommand()).toBe("HEARTBEAT;");
  });

  it("names the _action each command's reply carries", () => {
    expect(REPLY_ACTION.OPEN).toBe("EXECUTION");
    expect(REPLY_ACTION.CLOSE_PARTIAL).toBe("CLOSE");
    expect(REPLY_ACTION.CLOSE_MAGIC).toBe("CLOSE_ALL_MAGIC");
    expect(REPLY_ACTION.GET_ACCOUNT_INFO).toBe("GET_ACCOUNT_INFORMATION");
    expect(REPLY_ACTION.HEARTBEAT).toBe("heartbeat");
  });
});
