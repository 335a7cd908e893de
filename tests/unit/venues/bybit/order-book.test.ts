import { describe, expect, it } from "vitest";
import { compareDecimals, OrderBook } from "@/lib/venues/bybit/order-book";
import { DropCounter, parseBookUpdate } from "@/lib/venues/bybit/public-messages";

type Level = [string, string];

function message(type: "snapshot" | "delta", u: number, b: Level[], a: Level[], ts = 1_700_000_000_000 + u) {
  return { topic: "orderbook.50.BTCUSDT", type, ts, data: { s: "BTCUSDT", b, a, u, seq: u * 7 } };
}

function bookWithResyncs() {
  const resyncs: string[] = [];
  const book = new OrderBook("BTCUSDT", (reason) => resyncs.push(reason));
  const apply = (m: ReturnType<typeof message>) => {
    const update = parseBookUpdate(m, new DropCounter());
    if (!update) throw new Error("test message did not parse");
    book.apply(update);
  };
  return { book, resyncs, apply };
}

describe("Bybit order book", () => {
  it("quotes the best bid and ask of a snapshot as the exact strings sent", () => {
    const { book, apply } = bookWithResyncs();
    apply(message("snapshot", 100, [["28552.00", "0.047"], ["28551.50", "1.2"]], [["28552.10", "25.433"], ["28553.00", "0.5"]], 1_680_673_820_717));
    expect(book.quote()).toEqual({ bid: "28552.00", ask: "28552.10", ts: 1_680_673_820_717 });
  });

  it("applies deltas: changed sizes, new levels, and size \"0\" deletes a level", () => {
    const { book, apply } = bookWithResyncs();
    apply(message("snapshot", 100, [["100.0", "1"], ["99.5", "2"]], [["100.5", "3"], ["101.0", "4"]]));
    apply(message("delta", 101, [["100.0", "0"], ["99.8", "5"]], [["100.5", "0.000001"]]));
    expect(book.bids()).toEqual([["99.8", "5"], ["99.5", "2"]]);
    expect(book.asks()).toEqual([["100.5", "0.000001"], ["101.0", "4"]]);
    expect(book.quote()).toMatchObject({ bid: "99.8", ask: "100.5" });
  });

  it("sorts levels numerically, not as text", () => {
    const { book, apply } = bookWithResyncs();
    apply(message("snapshot", 5, [["9.5", "1"], ["10.25", "1"], ["100", "1"]], [["1000.5", "1"], ["999.75", "1"], ["10000", "1"]]));
    expect(book.bids().map(([p]) => p)).toEqual(["100", "10.25", "9.5"]);
    expect(book.asks().map(([p]) => p)).toEqual(["999.75", "1000.5", "10000"]);
  });

  it("a gap in u makes the book stale: no quote, one resubscribe, until a new snapshot arrives", () => {
    const { book, resyncs, apply } = bookWithResyncs();
    apply(message("snapshot", 100, [["100", "1"]], [["101", "1"]]));
    apply(message("delta", 102, [["100", "2"]], []));
    expect(book.state()).toBe("stale");
    expect(book.quote()).toBeNull();
    expect(resyncs).toEqual(["gap: u 100 -> 102"]);
    apply(message("delta", 103, [["100", "3"]], []));
    expect(book.quote()).toBeNull();
    expect(resyncs).toHaveLength(1);
    apply(message("snapshot", 200, [["99", "1"]], [["102", "1"]]));
    expect(book.quote()).toMatchObject({ bid: "99", ask: "102" });
  });

  it("a delta before any snapshot is stale and asks for one", () => {
    const { book, resyncs, apply } = bookWithResyncs();
    apply(message("delta", 7, [["100", "1"]], [["101", "1"]]));
    expect(book.quote()).toBeNull();
    expect(resyncs).toHaveLength(1);
  });

  it("u = 1 restarts the book even as a delta (the server restarted it)", () => {
    const { book, apply } = bookWithResyncs();
    apply(message("snapshot", 500, [["100", "1"]], [["101", "1"]]));
    apply(message("delta", 1, [["90", "1"]], [["91", "1"]]));
    expect(book.bids()).toEqual([["90", "1"]]);
    expect(book.quote()).toMatchObject({ bid: "90", ask: "91" });
  });

  it("has no quote after a disconnect until the next snapshot", () => {
    const { book, apply } = bookWithResyncs();
    apply(message("snapshot", 100, [["100", "1"]], [["101", "1"]]));
    book.disconnect();
    expect(book.quote()).toBeNull();
    apply(message("snapshot", 300, [["100", "1"]], [["101", "1"]]));
    expect(book.quote()).not.toBeNull();
  });

  it("never quotes a crossed or one-sided book", () => {
    const { book, apply } = bookWithResyncs();
    apply(message("snapshot", 100, [["100", "1"]], []));
    expect(book.quote()).toBeNull();
    apply(message("snapshot", 101, [["101", "1"]], [["100.5", "1"]]));
    expect(book.quote()).toBeNull();
  });
});

describe("compareDecimals", () => {
  it("orders decimal strings exactly, whatever their lengths", () => {
    expect(compareDecimals("9.5", "10")).toBeLessThan(0);
    expect(compareDecimals("100.10", "100.1")).toBe(0);
    expect(compareDecimals("0.000001", "0.0000009")).toBeGreaterThan(0);
    expect(compareDecimals("12345678901234567.01", "12345678901234567.02")).toBeLessThan(0);
  });
});
