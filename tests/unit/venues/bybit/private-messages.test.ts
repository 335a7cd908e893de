import { describe, expect, it } from "vitest";
import { parseExecution, parseInstrument, parseOrder, parsePosition } from "@/lib/venues/bybit/private-messages";

const orderRow = (fields: Record<string, unknown> = {}) => ({
  category: "linear", orderId: "fd4300ae-7847-404e-b947-b46980a4d140", orderLinkId: "tf-0001", symbol: "BTCUSDT", side: "Buy", orderType: "Limit",
  price: "72500.10", qty: "0.010", orderStatus: "New", cumExecQty: "0", avgPrice: "", rejectReason: "EC_NoError", updatedTime: "1672364262457",
  ...fields,
});

const executionRow = (fields: Record<string, unknown> = {}) => ({
  category: "linear", execId: "e0cbe81d-0f18-5866-9415-cf319b5dab3b", orderId: "fd4300ae", orderLinkId: "tf-0001", symbol: "BTCUSDT", side: "Sell",
  execQty: "0.005", execPrice: "72500.10", execFee: "0.19937527", isMaker: false, execTime: "1672364174443", execType: "Trade",
  ...fields,
});

describe("Bybit order rows", () => {
  it("keeps prices and quantities as the exact strings Bybit sent", () => {
    expect(parseOrder(orderRow({ orderStatus: "PartiallyFilled", cumExecQty: "0.004", avgPrice: "72500.10" }))).toEqual({
      venueOrderId: "fd4300ae-7847-404e-b947-b46980a4d140", clientOrderId: "tf-0001", symbol: "BTCUSDT", side: "BUY", type: "LIMIT",
      quantity: "0.010", price: "72500.10", status: "PARTIALLY_FILLED", filledQuantity: "0.004", averageFillPrice: "72500.10", rejectReason: null,
      updatedAt: 1672364262457,
    });
  });

  it.each([
    ["New", "ACCEPTED"], ["Untriggered", "ACCEPTED"], ["PartiallyFilled", "PARTIALLY_FILLED"], ["Filled", "FILLED"], ["Cancelled", "CANCELED"],
    ["PartiallyFilledCanceled", "CANCELED"], ["Deactivated", "CANCELED"], ["Rejected", "REJECTED"],
  ])("maps status %s to %s", (bybit, ours) => {
    expect(parseOrder(orderRow({ orderStatus: bybit }))?.status).toBe(ours);
  });

  it("reports a market order without a price, an order placed in Bybit's UI without a client id, and the reject reason", () => {
    const order = parseOrder(orderRow({ orderType: "Market", price: "75000.0", orderLinkId: "", orderStatus: "Rejected", rejectReason: "EC_PostOnlyWillTakeLiquidity" }));
    expect(order).toMatchObject({ type: "MARKET", price: null, clientOrderId: null, status: "REJECTED", rejectReason: "EC_PostOnlyWillTakeLiquidity" });
  });

  it("ignores other categories and refuses malformed linear rows", () => {
    expect(parseOrder(orderRow({ category: "spot" }))).toBeNull();
    expect(() => parseOrder(orderRow({ qty: 0.01 }))).toThrow();
    expect(() => parseOrder(orderRow({ price: "1e5" }))).toThrow();
    expect(() => parseOrder(orderRow({ orderStatus: "Exploded" }))).toThrow();
  });
});

describe("Bybit execution rows", () => {
  it("turns a fill into a venue execution keyed by execId", () => {
    expect(parseExecution(executionRow())).toEqual({
      execId: "e0cbe81d-0f18-5866-9415-cf319b5dab3b", venueOrderId: "fd4300ae", clientOrderId: "tf-0001", symbol: "BTCUSDT", side: "SELL",
      quantity: "0.005", price: "72500.10", fee: "0.19937527", liquidity: "TAKER", ts: 1672364174443,
    });
    expect(parseExecution(executionRow({ isMaker: true, execFee: "-0.0145" }))).toMatchObject({ liquidity: "MAKER", fee: "-0.0145" });
  });

  it("skips funding rows, which are not fills", () => {
    expect(parseExecution(executionRow({ execType: "Funding" }))).toBeNull();
  });
});

describe("Bybit position rows", () => {
  it("signs a short as a negative quantity and reports flat as 0", () => {
    expect(parsePosition({ symbol: "ETHUSDT", side: "Sell", size: "1.50", avgPrice: "3012.25" })).toEqual({ symbol: "ETHUSDT", quantity: "-1.50", averagePrice: "3012.25" });
    expect(parsePosition({ symbol: "BTCUSDT", side: "Buy", size: "0.010", avgPrice: "60000.1" })).toEqual({ symbol: "BTCUSDT", quantity: "0.010", averagePrice: "60000.1" });
    expect(parsePosition({ symbol: "BTCUSDT", side: "", size: "0", avgPrice: "0" })).toEqual({ symbol: "BTCUSDT", quantity: "0", averagePrice: null });
  });
});

describe("Bybit instrument rows", () => {
  it("reads tick size, lot size and minimum quantity", () => {
    const row = { symbol: "BTCUSDT", baseCoin: "BTC", quoteCoin: "USDT", priceFilter: { tickSize: "0.10" }, lotSizeFilter: { qtyStep: "0.001", minOrderQty: "0.001" } };
    expect(parseInstrument(row)).toEqual({ symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT", tickSize: "0.10", lotSize: "0.001", minQty: "0.001", venue: "bybit" });
  });
});
