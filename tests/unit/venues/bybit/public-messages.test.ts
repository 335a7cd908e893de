import { describe, expect, it } from "vitest";
import { DropCounter, parseBookUpdate, parseKlines, parseTickerUpdate, parseTrades, type TradePrint } from "@/lib/venues/bybit/public-messages";

function trades(data: unknown) {
  const drops = new DropCounter();
  const out: TradePrint[] = [];
  parseTrades(data, drops, out);
  return { out, drops };
}

const trade = (p: string, v: string, S = "Buy") => ({ T: 1_680_673_823_564, s: "BTCUSDT", S, v, p, L: "PlusTick", i: "0cbf2330", BT: false });

describe("Bybit publicTrade normalisation", () => {
  it("turns every trade of a message into a tick with its value, size, side and exchange time", () => {
    const { out, drops } = trades([trade("28560.50", "5823"), trade("28560.50", "0.000001", "Sell"), trade("0.00000123", "1000000")]);
    expect(out).toEqual([
      { symbol: "BTCUSDT", ts: 1_680_673_823_564, price: 28560.5, size: 5823, side: "buy" },
      { symbol: "BTCUSDT", ts: 1_680_673_823_564, price: 28560.5, size: 0.000001, side: "sell" },
      { symbol: "BTCUSDT", ts: 1_680_673_823_564, price: 0.00000123, size: 1_000_000, side: "buy" },
    ]);
    expect(String(out[0].price)).toBe("28560.5");
    expect(String(out[1].size)).toBe("0.000001");
    expect(drops.total).toBe(0);
  });

  it("drops and counts trades that are not plain positive decimals or lack a side, keeping the good ones", () => {
    const { out, drops } = trades([trade("", "1"), trade("1e3", "1"), trade("-5", "1"), trade("100", "0"), trade("100", "1", "buy"), { p: 100, v: "1" }, null, trade("100", "1")]);
    expect(out).toHaveLength(1);
    expect(drops.total).toBe(7);
    expect(drops.byReason()).toEqual({ "trade: bad fields": 7 });
  });

  it("counts a message whose data is not a list instead of throwing", () => {
    expect(trades({ p: "1" }).drops.total).toBe(1);
    expect(trades(undefined).out).toEqual([]);
  });
});

describe("Bybit orderbook, tickers and kline parsing", () => {
  it("keeps order book levels as the exact strings", () => {
    const update = parseBookUpdate({ topic: "orderbook.50.BTCUSDT", type: "delta", ts: 5, data: { s: "BTCUSDT", b: [["30247.20", "30.028"]], a: [["30248.70", "0"]], u: 177400507, seq: 1 } }, new DropCounter());
    expect(update).toEqual({ symbol: "BTCUSDT", type: "delta", u: 177400507, ts: 5, bids: [["30247.20", "30.028"]], asks: [["30248.70", "0"]] });
  });

  it("rejects a whole book message when any level is malformed (a partly applied book would be wrong)", () => {
    const drops = new DropCounter();
    expect(parseBookUpdate({ topic: "orderbook.50.BTCUSDT", type: "delta", ts: 5, data: { b: [["1", "1"], ["x", "1"]], a: [], u: 2 } }, drops)).toBeNull();
    expect(parseBookUpdate({ topic: "orderbook.50.BTCUSDT", type: "delta", ts: 5, data: { b: [], a: [] } }, drops)).toBeNull();
    expect(parseBookUpdate({ topic: "orderbook.50.BTCUSDT", type: "weird", ts: 5, data: { b: [], a: [], u: 1 } }, drops)).toBeNull();
    expect(drops.total).toBe(3);
  });

  it("keeps ticker fields as strings and reads the symbol", () => {
    const update = parseTickerUpdate({ topic: "tickers.BTCUSD", type: "delta", ts: 9, data: { symbol: "BTCUSD", openInterest: "449736674", bid1Size: "340549" } }, new DropCounter());
    expect(update).toEqual({ symbol: "BTCUSD", type: "delta", ts: 9, fields: { symbol: "BTCUSD", openInterest: "449736674", bid1Size: "340549" } });
  });

  it("reads a kline bar with its confirm flag and exact strings", () => {
    const bar = { start: 1_672_324_800_000, end: 1_672_324_859_999, interval: "1", open: "16649.5", close: "16677", high: "16677", low: "16608", volume: "2.081", turnover: "34666.4005", confirm: true, timestamp: 1_672_324_860_000 };
    expect(parseKlines({ topic: "kline.1.BTCUSDT", data: [bar] }, new DropCounter())).toEqual([{ symbol: "BTCUSDT", ...bar }]);
    const drops = new DropCounter();
    expect(parseKlines({ topic: "kline.1.BTCUSDT", data: [{ ...bar, close: 16677 }] }, drops)).toEqual([]);
    expect(drops.total).toBe(1);
  });
});
