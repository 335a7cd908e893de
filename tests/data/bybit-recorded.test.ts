import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tick } from "@/lib/domain/market-data";
import { BybitFeed } from "@/lib/venues/bybit/bybit-feed";
import { OrderBook } from "@/lib/venues/bybit/order-book";
import { DropCounter, parseBookUpdate, parseKlines, parseTickerUpdate, type BookUpdate } from "@/lib/venues/bybit/public-messages";
import { BybitPublicServer, eventually } from "../support/bybit-public-server";
import { sharedDataPath } from "../support/shared-data";

type Json = Record<string, unknown> & { topic: string; data: unknown };
type RawTrade = { T: number; s: string; S: string; v: string; p: string };

const readJsonl = (file: string): Json[] => readFileSync(sharedDataPath("tardis-node-bybit-v5", file), "utf8").trim().split("\n").map((line) => JSON.parse(line) as Json);
const docsDir = () => sharedDataPath("bybit-v5-docs-examples");
const docs = (name: string): Json => JSON.parse(readFileSync(`${docsDir()}/${name}`, "utf8")) as Json;

const linear = () => readJsonl("bybit-v5-linear_inverse.jsonl");
const spot = () => readJsonl("bybit-v5-spot.jsonl");
const DOCS_TRADE = "websocket_public_trade__L67-84__response-example.json";
const DOCS_DELTA = "websocket_public_orderbook__L144-206__delta.json";
const DOCS_KLINE = "websocket_public_kline__L67-86__response-example.json";
const DOCS_SPOT_TICKER = "websocket_public_ticker__L477-493__spot.json";
const DOCS_OPTION_TICKER = "websocket_public_ticker__L438-470__option.json";

/** "28560.50" -> "28560.5": how the number prints if no digit was lost. */
const canonical = (decimal: string) => (decimal.includes(".") ? decimal.replace(/0+$/, "").replace(/\.$/, "") : decimal);

const book = (update: BookUpdate) => {
  const resyncs: string[] = [];
  const b = new OrderBook(update.symbol, (reason) => resyncs.push(reason));
  b.apply(update);
  return { b, resyncs };
};
const parseBook = (message: Json) => {
  const update = parseBookUpdate(message, new DropCounter());
  if (!update) throw new Error(`${message.topic} did not parse`);
  return update;
};

describe("recorded Bybit v5 messages replayed through the local server into BybitFeed", () => {
  let server: BybitPublicServer;
  let feed: BybitFeed;
  const ticks: Tick[] = [];
  let sentinels = 0;

  /** Broadcasts the messages, then a sentinel trade: once it arrives, everything before it has been handled. */
  async function replay(messages: readonly Json[]) {
    for (const message of messages) server.broadcast(message);
    sentinels++;
    server.broadcast({ topic: "publicTrade.SENTINEL", type: "snapshot", ts: 1, data: [{ T: 1, s: "SENTINEL", S: "Buy", v: "1", p: String(sentinels) }] });
    await eventually(() => ticks.some((t) => t.symbol === "SENTINEL" && t.price === sentinels), "the sentinel");
  }
  const replayed = () => ticks.filter((t) => t.symbol !== "SENTINEL");

  beforeAll(async () => {
    server = await BybitPublicServer.start();
    feed = new BybitFeed({ url: server.url, symbols: ["BTCUSDT", "BTCUSD", "BTCPERP"], pingIntervalMs: 1_000 });
    await feed.start((tick) => ticks.push(tick));
    await eventually(() => feed.status().state === "live", "the feed to be live");
    await replay([...linear(), ...spot()]);
  });
  afterAll(async () => {
    await feed?.stop();
    await server?.close();
  });

  it("every recorded trade becomes one tick with its exact value, size, side and time, in order", () => {
    const expected = [...linear(), ...spot()].filter((m) => m.topic.startsWith("publicTrade.")).flatMap((m) => m.data as RawTrade[]);
    expect(expected).toHaveLength(9);
    const got = replayed();
    expect(got).toHaveLength(9);
    got.forEach((tick, i) => {
      const raw = expected[i];
      expect(tick).toMatchObject({ symbol: raw.s, ts: raw.T, side: raw.S === "Buy" ? "buy" : "sell" });
      expect(String(tick.price)).toBe(canonical(raw.p));
      expect(String(tick.size)).toBe(canonical(raw.v));
    });
    expect(got[0]).toEqual({ symbol: "BTCUSD", ts: 1_680_673_823_564, price: 28_560.5, size: 5_823, side: "buy", seq: 1 });
    expect(got.filter((t) => t.symbol === "BTCUSDT").map((t) => [t.seq, t.size])).toEqual([[1, 0.041732], [2, 0.008513], [3, 0.042384], [4, 0.055371]]);
    expect(got.find((t) => t.symbol === "BTCUSDC")).toMatchObject({ price: 28_528.98, size: 0.00433, side: "buy" });
  });

  it("orderbook.50 snapshot + delta give the recorded levels and quote", () => {
    expect(feed.book("BTCPERP")?.bids()).toEqual([["28555.20", "0.677"]]);
    expect(feed.book("BTCPERP")?.asks()).toEqual([["28555.30", "0.029"]]);
    expect(feed.quote("BTCPERP")).toEqual({ bid: "28555.20", ask: "28555.30", ts: 1_680_673_821_651 });
    // The spot delta adds 28161.04 and deletes (size "0") two levels the one-level recorded snapshot never had.
    expect(feed.book("BTCUSDT")?.bids()).toEqual([["28162.57", "0.07562"], ["28161.04", "0.177474"]]);
    expect(feed.book("BTCUSDT")?.asks()).toEqual([["28162.58", "0.506829"]]);
    expect(feed.quote("BTCUSDT")).toMatchObject({ bid: "28162.57", ask: "28162.58" });
  });

  it("ticker deltas merge into their snapshots", () => {
    const messages = linear().filter((m) => m.topic === "tickers.BTCUSD");
    expect(feed.ticker("BTCUSD")?.fields).toEqual({ ...(messages[0].data as object), ...(messages[1].data as object) });
    expect(feed.ticker("BTCUSD")?.fields).toMatchObject({ openInterest: "449736674", lastPrice: "28560.00", volume24h: "661543991" });
    expect(feed.ticker("BTCUSDU23")?.fields).toMatchObject({ basisRate: "0.01603111", basis: "459.06", lastPrice: "29026.00" });
    expect(feed.ticker("BTCUSDT")).toMatchObject({ complete: true, ts: 1_680_673_821_770, fields: { lastPrice: "28550.70", turnover24h: "4273027716.4294" } });
  });

  it("topics the feed does not use (other book depths, liquidations) are counted, not applied", () => {
    // orderbook.1: 3 linear + 2 spot; liquidation: 2; allLiquidation: 1 (the README says twice; the file holds it once).
    expect(feed.droppedMessages()).toEqual({ "unknown topic": 8 });
    expect(feed.malformedFrames()).toBe(0);
  });

  describe("then the official docs examples", () => {
    beforeAll(async () => {
      await replay([docs(DOCS_TRADE), docs(DOCS_DELTA), docs(DOCS_KLINE), docs(DOCS_SPOT_TICKER), docs(DOCS_OPTION_TICKER)]);
    });

    it("the docs trade is the next BTCUSDT tick; the docs kline.5 is counted as a topic the feed does not use", () => {
      expect(feed.droppedMessages()).toEqual({ "unknown topic": 9 });
      expect(replayed().at(-1)).toEqual({ symbol: "BTCUSDT", ts: 1_672_304_486_865, price: 16_578.5, size: 0.001, side: "buy", seq: 5 });
    });

    it("the docs delta does not follow the recorded book: stale, no quote, and a resubscribe is sent", async () => {
      expect(feed.quote("BTCUSDT")).toBeNull();
      expect(feed.book("BTCUSDT")?.state()).toBe("stale");
      await eventually(() => server.received.some((m) => m.op === "subscribe" && (m.args as string[]).join() === "orderbook.50.BTCUSDT"), "the resubscribe");
    });

    it("a spot ticker snapshot replaces the linear one; an option ticker without type is a snapshot", () => {
      expect(feed.ticker("BTCUSDT")?.fields).toEqual(docs(DOCS_SPOT_TICKER).data);
      expect(feed.ticker("BTC-6JAN23-17500-C")?.fields).toMatchObject({ markPrice: "7.86976724", delta: "0.047831" });
    });

    it("the 5-minute docs kline is not taken as the feed's 1-minute bar; a confirmed 1-minute bar is", async () => {
      expect(feed.lastKline("BTCUSDT")).toBeNull();
      const kline = docs(DOCS_KLINE);
      const [bar] = kline.data as Record<string, unknown>[];
      await replay([{ ...kline, topic: "kline.1.BTCUSDT", data: [{ ...bar, interval: "1", confirm: true }] }, { ...kline, topic: "kline.1.BTCUSDT", data: [{ ...bar, interval: "1", close: "1" }] }]);
      expect(feed.lastKline("BTCUSDT")).toMatchObject({ interval: "1", close: "16677", confirm: true, turnover: "34666.4005" });
    });
  });
});

describe("recorded Bybit v5 messages through the parsers", () => {
  it("the docs kline is an open bar with its exact strings", () => {
    expect(parseKlines(docs(DOCS_KLINE), new DropCounter())).toEqual([{
      symbol: "BTCUSDT", interval: "5", start: 1_672_324_800_000, end: 1_672_325_099_999, open: "16649.5", close: "16677", high: "16677",
      low: "16608", volume: "2.081", turnover: "34666.4005", confirm: false, timestamp: 1_672_324_988_882,
    }]);
  });

  it("orderbook.1 linear: the consecutive delta applies; the delta recorded on another day is a gap", () => {
    const messages = linear().filter((m) => m.topic === "orderbook.1.BTCUSDT").map(parseBook);
    const { b, resyncs } = book(messages[0]);
    b.apply(messages[1]);
    expect(b.bids()).toEqual([["28552.00", "0.012"]]);
    expect(b.asks()).toEqual([["28552.10", "25.433"]]);
    b.apply(messages[2]);
    expect(b.quote()).toBeNull();
    expect(resyncs).toEqual(["gap: u 7003306 -> 1188472"]);
  });

  it("size \"0\" deletes a level the book holds: the recorded deletes applied to a book holding those levels", () => {
    const afterDelta = (delta: Json) => {
      const update = parseBook(delta);
      const held = (levels: readonly (readonly [string, string])[]) => levels.map(([price]) => [price, "9.999"] as [string, string]);
      const { b } = book({ ...update, type: "snapshot", u: update.u - 1, bids: held(update.bids), asks: held(update.asks) });
      b.apply(update);
      return { bids: b.bids(), asks: b.asks(), quote: b.quote() };
    };
    const linearDelete = linear().find((m) => m.topic === "orderbook.1.BTCUSDT" && (m.data as { u: number }).u === 1_188_472)!;
    expect(afterDelta(linearDelete)).toMatchObject({ bids: [["27991.70", "0.777"]], asks: [["27994.40", "0.058"]] });
    const docsResult = afterDelta(docs(DOCS_DELTA));
    expect(docsResult.bids).toEqual([["30247.20", "30.028"], ["30245.40", "0.224"], ["30242.10", "1.593"], ["30240.30", "1.305"]]);
    expect(docsResult.asks).toEqual([["30249.30", "0.892"], ["30249.50", "1.778"], ["30251.90", "2.947"], ["30252.20", "0.659"], ["30252.50", "4.591"]]);
    expect(docsResult.quote).toEqual({ bid: "30247.20", ask: "30249.30", ts: 1_687_940_967_466 });
  });

  it("every tickers message parses with all its fields as strings", () => {
    const tickers = [...linear(), docs(DOCS_SPOT_TICKER), docs(DOCS_OPTION_TICKER)].filter((m) => m.topic.startsWith("tickers."));
    expect(tickers).toHaveLength(7);
    const drops = new DropCounter();
    for (const message of tickers) expect(parseTickerUpdate(message, drops)?.fields).toEqual(message.data);
    expect(drops.total).toBe(0);
  });

  it("the docs directory holds the examples this suite reads", () => {
    expect(readdirSync(docsDir())).toEqual(expect.arrayContaining([DOCS_TRADE, DOCS_DELTA, DOCS_KLINE, DOCS_SPOT_TICKER, DOCS_OPTION_TICKER]));
  });
});
