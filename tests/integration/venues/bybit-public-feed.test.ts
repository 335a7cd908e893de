import { afterEach, describe, expect, it } from "vitest";
import type { Tick } from "@/lib/domain/market-data";
import { FallbackFeed } from "@/lib/market/fallback-feed";
import { SimFeed } from "@/lib/market/sim-feed";
import { BybitFeed, bybitTopics } from "@/lib/venues/bybit/bybit-feed";
import { BybitSocket } from "@/lib/venues/bybit/bybit-socket";
import { BybitPublicServer, eventually } from "../../support/bybit-public-server";

const SYMBOLS = ["BTCUSDT", "ETHUSDT"];
const ALL_TOPICS = SYMBOLS.flatMap(bybitTopics).sort();
const FAST = { pingIntervalMs: 50, deadAfterMs: 400, backoff: { initialMs: 20, maxMs: 200 } };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(port = 0) {
  const server = await BybitPublicServer.start(port);
  cleanups.push(() => server.close());
  return server;
}

async function liveFeed(server: BybitPublicServer) {
  const feed = new BybitFeed({ url: server.url, symbols: SYMBOLS, ...FAST });
  const ticks: Tick[] = [];
  await feed.start((tick) => ticks.push(tick));
  cleanups.push(() => feed.stop());
  await eventually(() => feed.status().state === "live", "the feed to be live");
  return { feed, ticks };
}

const seqsOf = (ticks: readonly Tick[], symbol: string) => ticks.filter((t) => t.symbol === symbol).map((t) => t.seq);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("BybitFeed against a local Bybit v5 public server", () => {
  it("subscribes the four topics per symbol and turns trades into ticks with contiguous seq per symbol", async () => {
    const server = await startServer();
    const { feed, ticks } = await liveFeed(server);
    expect(server.subscribedTopics()).toEqual(ALL_TOPICS);
    expect(server.subscribeRequests().every((args) => args.length <= 10)).toBe(true);
    server.pushTrades("BTCUSDT", [{ p: "28560.50", v: "0.000001", S: "Buy", T: 1_680_673_823_564 }, { p: "28560.40", v: "2", S: "Sell" }]);
    server.pushTrades("ETHUSDT", [{ p: "1850.01", v: "0.5", S: "Sell" }]);
    server.pushTrades("BTCUSDT", [{ p: "28561", v: "1", S: "Buy" }]);
    await eventually(() => ticks.length === 4, "four ticks");
    expect(ticks[0]).toEqual({ symbol: "BTCUSDT", ts: 1_680_673_823_564, price: 28560.5, size: 0.000001, side: "buy", seq: 1 });
    expect(seqsOf(ticks, "BTCUSDT")).toEqual([1, 2, 3]);
    expect(seqsOf(ticks, "ETHUSDT")).toEqual([1]);
    expect(feed.status()).toMatchObject({ name: "bybit", kind: "bybit", state: "live", symbols: SYMBOLS, ticks: 4 });
  });

  it("sends heartbeat pings and stays live on the pongs", async () => {
    const server = await startServer();
    const { feed } = await liveFeed(server);
    await eventually(() => server.pings() >= 5, "five pings");
    expect(server.received.find((m) => m.op === "ping")).toEqual({ op: "ping" });
    expect(feed.status().state).toBe("live");
    expect(server.connections()).toBe(1);
  });

  it("serves quotes, tickers and confirmed klines", async () => {
    const server = await startServer();
    server.setBook("BTCUSDT", { b: [["28552.00", "0.047"], ["28551.90", "1"]], a: [["28552.10", "25.433"]] });
    const { feed } = await liveFeed(server);
    await eventually(() => feed.quote("BTCUSDT"), "a BTCUSDT quote");
    expect(feed.quote("BTCUSDT")).toMatchObject({ bid: "28552.00", ask: "28552.10" });
    server.pushBookDelta("BTCUSDT", { b: [["28552.00", "0"]], a: [["28552.05", "3"]] });
    await eventually(() => feed.quote("BTCUSDT")?.ask === "28552.05", "the delta applied");
    expect(feed.quote("BTCUSDT")).toMatchObject({ bid: "28551.90", ask: "28552.05" });
    server.push({ topic: "tickers.BTCUSDT", type: "snapshot", ts: 1, cs: 1, data: { symbol: "BTCUSDT", lastPrice: "28550.70", markPrice: "28552.81" } });
    server.push({ topic: "tickers.BTCUSDT", type: "delta", ts: 2, cs: 2, data: { symbol: "BTCUSDT", markPrice: "28553.00" } });
    const bar = (confirm: boolean, close: string) => ({ start: 0, end: 59_999, interval: "1", open: "1", high: "2", low: "0.5", close, volume: "3", turnover: "4", confirm, timestamp: 60_000 });
    server.push({ topic: "kline.1.BTCUSDT", type: "snapshot", ts: 3, data: [bar(true, "1.5")] });
    server.push({ topic: "kline.1.BTCUSDT", type: "snapshot", ts: 4, data: [bar(false, "1.7")] });
    await eventually(() => feed.ticker("BTCUSDT")?.fields.markPrice === "28553.00" && feed.lastKline("BTCUSDT"), "ticker and kline");
    expect(feed.ticker("BTCUSDT")?.fields).toMatchObject({ lastPrice: "28550.70", markPrice: "28553.00" });
    expect(feed.lastKline("BTCUSDT")).toMatchObject({ close: "1.5", confirm: true });
  });

  it("reconnects after a dropped connection and resubscribes the same topics", async () => {
    const server = await startServer();
    const { feed, ticks } = await liveFeed(server);
    server.pushTrades("BTCUSDT", [{ p: "100", v: "1", S: "Buy" }]);
    await eventually(() => ticks.length === 1, "a tick");
    const firstSubscription = server.subscribeRequests().flat().sort();
    server.dropConnections();
    await eventually(() => server.connections() === 2 && server.openConnections() === 1 && feed.status().state === "live", "a second live connection");
    expect(server.subscribedTopics()).toEqual(firstSubscription);
    expect(server.subscribeRequests().flat()).toHaveLength(2 * ALL_TOPICS.length);
    server.pushTrades("BTCUSDT", [{ p: "101", v: "1", S: "Buy" }]);
    await eventually(() => ticks.length === 2, "a tick after the reconnect");
    expect(seqsOf(ticks, "BTCUSDT")).toEqual([1, 2]);
  });

  it("detects a connection that went silent without closing, and reconnects", async () => {
    const server = await startServer();
    const { feed, ticks } = await liveFeed(server);
    server.goSilent();
    await eventually(() => server.connections() >= 2, "a reconnect after silence");
    server.speak();
    await eventually(() => feed.status().state === "live" && server.openConnections() === 1 && server.subscribedTopics().length === ALL_TOPICS.length, "live again");
    server.pushTrades("ETHUSDT", [{ p: "1850", v: "1", S: "Sell" }]);
    await eventually(() => ticks.length === 1, "a tick on the new connection");
    expect(ticks[0]).toMatchObject({ symbol: "ETHUSDT", side: "sell", seq: 1 });
  });

  it("a gap in the book's update ids: no quote until the resubscribe brings a new snapshot", async () => {
    const server = await startServer();
    server.setBook("ETHUSDT", { b: [["1850.00", "1"]], a: [["1850.10", "2"]], u: 50 });
    const { feed } = await liveFeed(server);
    await eventually(() => feed.quote("ETHUSDT"), "an ETHUSDT quote");
    server.holdSnapshots();
    server.pushBookDelta("ETHUSDT", { b: [["1850.05", "4"]] }, { skip: 3 });
    await eventually(() => server.received.some((m) => m.op === "unsubscribe" && (m.args as string[]).includes("orderbook.50.ETHUSDT")), "the resubscribe");
    expect(feed.quote("ETHUSDT")).toBeNull();
    expect(feed.book("ETHUSDT")?.state()).toBe("stale");
    expect(feed.quote("BTCUSDT")).toBeNull(); // never had a book: nothing to quote either
    server.releaseSnapshots();
    await eventually(() => feed.quote("ETHUSDT"), "a quote from the new snapshot");
    expect(feed.quote("ETHUSDT")).toMatchObject({ bid: "1850.05", ask: "1850.10" });
    expect(server.connections()).toBe(1);
  });

  it("counts malformed frames and keeps the stream going", async () => {
    const server = await startServer();
    const { feed, ticks } = await liveFeed(server);
    server.sendRaw("{not json");
    server.sendRaw("[1,2,3]");
    server.sendRaw("42");
    server.push({ topic: "publicTrade.BTCUSDT", type: "snapshot", ts: 1, data: [{ T: 1, s: "BTCUSDT", S: "Up", v: "1", p: "1" }] });
    server.pushTrades("BTCUSDT", [{ p: "100.5", v: "0.25", S: "Sell" }]);
    await eventually(() => ticks.length === 1, "the good trade");
    expect(feed.malformedFrames()).toBe(3);
    expect(feed.droppedMessages()).toEqual({ "trade: bad fields": 1 });
    expect(ticks[0]).toMatchObject({ price: 100.5, size: 0.25, seq: 1 });
    expect(feed.status().state).toBe("live");
    expect(server.connections()).toBe(1);
  });

  it("FallbackFeed runs the labelled simulator while Bybit is down, then switches to Bybit when it comes up", async () => {
    const probe = await BybitPublicServer.start();
    const { port, url } = probe;
    await probe.close();
    const bybit = new BybitFeed({ url, symbols: ["BTCUSDT"], ...FAST });
    const feed = new FallbackFeed({
      primary: bybit, timeoutMs: 300, label: "SIMULATED (Bybit unreachable)",
      fallback: (prices) => new SimFeed({ seed: 1, ticksPerSecond: 200, intervalMs: 20, instruments: [{ symbol: "BTCUSDT", startPrice: prices.BTCUSDT ?? 65_000, tickSize: "0.1", lotSize: "0.0001" }] }),
    });
    const ticks: Tick[] = [];
    await feed.start((tick) => ticks.push(tick));
    cleanups.push(() => feed.stop());
    await eventually(() => feed.status().kind === "sim" && ticks.length > 5, "simulated ticks");
    expect(feed.status()).toMatchObject({ name: "bybit", kind: "sim", state: "live", label: "SIMULATED (Bybit unreachable)", symbols: ["BTCUSDT"] });
    expect(bybit.quote("BTCUSDT")).toBeNull();

    const server = await startServer(port);
    await eventually(() => feed.status().kind === "bybit" && feed.status().state === "live", "the switch to Bybit");
    const simulated = ticks.length;
    server.pushTrades("BTCUSDT", [{ p: "70123.4", v: "0.01", S: "Buy" }]);
    await eventually(() => ticks.some((t) => t.price === 70_123.4), "the Bybit tick");
    const last = ticks[ticks.length - 1];
    expect(last).toMatchObject({ price: 70_123.4, size: 0.01 });
    expect(last.seq).toBeGreaterThan(simulated);
    expect(ticks.map((t) => t.seq)).toEqual(oneToN(ticks.length));
    expect(feed.status().label).toBeUndefined();
  });
});

describe("BybitSocket", () => {
  it("runs onOpen before subscribing on every open, reports re-connects, and answers requests by reply", async () => {
    const server = await startServer();
    const events: string[] = [];
    const socket = new BybitSocket({
      url: server.url, name: "test", ...FAST, topics: () => ["publicTrade.BTCUSDT"], onMessage: () => undefined,
      onOpen: async (s) => {
        events.push(`open:${server.subscribeRequests().length}`);
        await expect(s.request({ op: "auth", args: ["key", 1, "sig"] })).rejects.toThrow(/auth refused: unknown op auth/);
      },
      onReconnected: () => events.push("reconnected"),
    });
    socket.start();
    cleanups.push(() => socket.stop());
    await eventually(() => socket.state() === "open", "open");
    const pong = await socket.request({ op: "ping" });
    expect(pong).toMatchObject({ success: true, ret_msg: "pong", op: "ping" });
    server.dropConnections();
    await eventually(() => events.includes("reconnected"), "the re-connect");
    expect(events).toEqual(["open:0", "open:1", "reconnected"]);
    await socket.stop();
    expect(socket.state()).toBe("closed");
  });
});
