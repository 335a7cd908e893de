import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Pull, Push, Subscriber } from "zeromq";
import { parseDictLiteral } from "@/lib/venues/mt5/dict-literal";
import { parseMarketMessage } from "@/lib/venues/mt5/market-data";
import { readAccountInfo, readClose, readCloseAll, readExecution, readOpenTrades } from "@/lib/venues/mt5/replies";
import { startEaEmulator, type EaEmulator } from "@/tests/support/mt5-ea-emulator";

/** A bare DWX client: PUSH commands, PULL replies, SUB market data; no bridge logic. */
interface RawClient {
  push: Push;
  pull: Pull;
  sub: Subscriber;
  send(command: string): Promise<void>;
  frame(): Promise<string>;
  /** Sends one command and returns its reply, checking the empty frame that follows it. */
  request(command: string): Promise<string>;
  close(): void;
}

async function connectRaw(ea: EaEmulator): Promise<RawClient> {
  const push = new Push({ linger: 0, immediate: true, sendTimeout: 2000 });
  // A receive timeout only turns a missing frame into a failure instead of a hang.
  const pull = new Pull({ linger: 0, receiveTimeout: 5000 });
  const sub = new Subscriber({ linger: 0, receiveTimeout: 100 });
  const connected = handshakes(push, pull);
  push.connect(`tcp://127.0.0.1:${ea.pushPort}`);
  pull.connect(`tcp://127.0.0.1:${ea.pullPort}`);
  sub.connect(`tcp://127.0.0.1:${ea.subPort}`);
  // The EA drops a reply while no PULL is connected, so the first command waits for both connections.
  await connected;
  const frame = async () => (await pull.receive())[0].toString("utf8");
  return {
    push, pull, sub, frame,
    send: (command) => push.send(command),
    request: async (command) => {
      await push.send(command);
      const reply = await frame();
      expect(await frame()).toBe("");
      return reply;
    },
    close: () => [push, pull, sub].forEach((socket) => socket.close()),
  };
}

/** Resolves once every socket completed a (re)connection handshake; call before connecting or restarting. */
async function handshakes(...sockets: (Push | Pull)[]): Promise<void> {
  await Promise.all(sockets.map((socket) => waitForEvent(socket, "handshake")));
}

/** The next market-data frame, ticking `symbol` until one gets through a subscription that may still be joining. */
async function nextPublished(ea: EaEmulator, sub: Subscriber, tick: () => Promise<void>): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    await tick();
    try {
      return (await sub.receive())[0].toString("utf8");
    } catch {
      // receive timed out: nothing published yet
    }
  }
  throw new Error(`nothing published; EA tracks ${JSON.stringify(ea.tracked())}`);
}

const dict = (text: string) => parseDictLiteral(text) as Record<string, unknown>;
const open = (fields: { type?: number; price?: string; sl?: number; tp?: number; lots?: string; magic?: number; comment?: string } = {}) =>
  `TRADE;OPEN;${fields.type ?? 0};EURUSD;${fields.price ?? "0"};${fields.sl ?? 0};${fields.tp ?? 0};${fields.comment ?? "cmt"};${fields.lots ?? "0.01"};${fields.magic ?? 123456};0`;
const trade = (action: string, ticket: string, lots = "0.01", magic = 123456, sl = 0, tp = 0) => `TRADE;${action};0;EURUSD;0;${sl};${tp};x;${lots};${magic};${ticket}`;

let ea: EaEmulator;
let client: RawClient;

beforeEach(async () => {
  ea = await startEaEmulator({ publishIntervalMs: 50 });
  client = await connectRaw(ea);
});

afterEach(async () => {
  client.close();
  await ea.close();
});

describe("MT5 EA emulator, driven with raw ZeroMQ sockets", () => {
  it("answers a heartbeat with the EA's literal followed by an empty frame", async () => {
    expect(await client.request("HEARTBEAT;")).toBe("{'_action': 'heartbeat', '_response': 'loud and clear!'}");
  });

  it("stays silent on unknown and malformed commands, yet records them", async () => {
    const ignored = ["FOO;BAR", "TRADE;OPEN;0;EURUSD", `TRADE;OPEN;0;EURUSD;0;0;0;x;1e-7;1;0`, "TRADE;SELL_ALL;0;EURUSD;0;0;0;x;0.01;1;0"];
    for (const command of ignored) await client.send(command);
    // The EA works through commands in order: any frame for the ignored ones would arrive before this reply.
    expect(await client.request("HEARTBEAT;")).toContain("'heartbeat'");
    expect(ea.commands()).toEqual([...ignored, "HEARTBEAT;"]);
    expect(ea.trades()).toEqual([]);
  });

  it("executes one command at a time, in order, each reply followed by an empty frame, even when replies are slow", async () => {
    ea.slowReplies(30);
    await client.send(open());
    await client.send("TRADE;GET_OPEN_TRADES;0;EURUSD;0;0;0;x;0;0;0");
    await client.send("HEARTBEAT;");
    const frames = [];
    for (let i = 0; i < 6; i++) frames.push(await client.frame());
    expect(frames.filter((_, i) => i % 2 === 1)).toEqual(["", "", ""]);
    const [execution, trades, heartbeat] = frames.filter((_, i) => i % 2 === 0).map(dict);
    expect([execution._action, trades._action, heartbeat._action]).toEqual(["EXECUTION", "OPEN_TRADES", "heartbeat"]);
    expect(readOpenTrades(trades)).toMatchObject([{ ticket: "9007199254740993" }]);
  });

  it("fills a market order at the ask with SL/TP converted from points, under a ticket beyond 2^53", async () => {
    const reply = await client.request(open({ sl: 500, tp: 300, comment: "tu-abc_1" }));
    expect(reply).toContain("'_ticket': 9007199254740993,");
    expect(readExecution(dict(reply))).toMatchObject({ ok: true, ticket: "9007199254740993", magic: "123456", openPrice: "1.10020000", sl: "1.09520000", tp: "1.10320000" });
    expect(ea.trades()).toMatchObject([{ ticket: "9007199254740993", type: 0, lots: "0.01", comment: "tu-abc_1" }]);
  });

  it("enforces the EA's maximum lot size and terminal-wide maximum open orders, with response_value on OPEN errors", async () => {
    expect(await client.request(open({ lots: "0.02" }))).toBe("{'_action': 'EXECUTION', '_response': 'LOT_SIZE_ERROR', 'response_value': 'MAX_LOT_SIZE_EXCEEDED'}");
    const manual = ea.addManualTrade({ symbol: "GBPUSD", type: 1 });
    expect(readExecution(dict(await client.request(open())))).toMatchObject({ ok: false, code: "NUM_ORDERS_ERROR" });
    const listed = readOpenTrades(dict(await client.request("TRADE;GET_OPEN_TRADES;0;EURUSD;0;0;0;x;0;0;0")));
    expect(listed).toMatchObject([{ ticket: manual, magic: "0", symbol: "GBPUSD", type: 1, openPrice: "1.25000000" }]);
  });

  it("rests pending orders, modifies their stops, and closes them as pending", async () => {
    ea.configure({ maxOrders: 5 });
    const placed = readExecution(dict(await client.request(open({ type: 2, price: "1.09000", sl: 200 }))));
    if (!placed.ok) throw new Error(placed.message);
    expect(placed).toMatchObject({ openPrice: "1.09000000", sl: "1.08800000", tp: null });
    expect(await client.request(trade("MODIFY", placed.ticket, "0.01", 123456, 100, 400))).toBe("{'_action': 'MODIFY', '_sl': 1.08900000, '_tp': 1.09400000}");
    expect(dict(await client.request(trade("MODIFY", "42")))).toMatchObject({ _response: "NOT_FOUND" });
    expect(readClose(dict(await client.request(trade("CLOSE", placed.ticket))))).toMatchObject({ ok: true, kind: "pending", ticket: placed.ticket });
    expect(ea.trades()).toEqual([]);
  });

  it("gives the remainder of a partial close a NEW ticket", async () => {
    ea.configure({ maxLotSize: "1" });
    const opened = readExecution(dict(await client.request(open({ lots: "0.05" }))));
    if (!opened.ok) throw new Error(opened.message);
    await ea.setPrice("EURUSD", "1.10100", "1.10120");
    const closed = readClose(dict(await client.request(trade("CLOSE_PARTIAL", opened.ticket, "0.02"))));
    expect(closed).toEqual({ ok: true, kind: "partial", ticket: opened.ticket, closePrice: "1.10100000", closeLots: "0.02000000" });
    const [remainder] = readOpenTrades(dict(await client.request("TRADE;GET_OPEN_TRADES;0;EURUSD;0;0;0;x;0;0;0"))) as { ticket: string; lots: string }[];
    expect(remainder.ticket).not.toBe(opened.ticket);
    expect(remainder).toMatchObject({ lots: "0.03000000", magic: "123456", comment: "cmt" });
  });

  it("can fail a market close whose reply still ends in SUCCESS; the close price tells", async () => {
    const opened = readExecution(dict(await client.request(open())));
    if (!opened.ok) throw new Error(opened.message);
    ea.failNextClose("138");
    const failed = await client.request(trade("CLOSE", opened.ticket));
    expect(failed).toMatch(/'_response_value': 'SUCCESS'}$/);
    expect(readClose(dict(failed))).toMatchObject({ ok: false, code: "138" });
    expect(readClose(dict(await client.request(trade("CLOSE", opened.ticket))))).toMatchObject({ ok: true, kind: "market", closePrice: "1.10000000" });
    expect(dict(await client.request(trade("CLOSE", opened.ticket)))).toMatchObject({ _response: "NOT_FOUND" });
  });

  it("closes by magic (map ending in ', }') leaving other orders, then closes all", async () => {
    ea.configure({ maxOrders: 5 });
    await client.request(open({ magic: 7 }));
    await client.request(open({ magic: 7, type: 4, price: "1.20000" }));
    const other = ea.addManualTrade({ symbol: "EURUSD" });
    const byMagic = await client.request("TRADE;CLOSE_MAGIC;0;EURUSD;0;0;0;x;0;7;0");
    expect(byMagic).toContain("'_response': 'CLOSE_PENDING'}, }");
    expect(readCloseAll(dict(byMagic))).toMatchObject({ ok: true, results: [{ kind: "market" }, { kind: "pending" }] });
    expect(ea.trades().map((t) => t.ticket)).toEqual([other]);
    expect(readCloseAll(dict(await client.request("TRADE;CLOSE_ALL;0;EURUSD;0;0;0;x;0;0;0")))).toMatchObject({ ok: true, results: [{ ticket: other }] });
    expect(await client.request("TRADE;CLOSE_ALL;0;EURUSD;0;0;0;x;0;0;0")).toBe("{'_action': 'CLOSE_ALL', '_response': 'NOT_FOUND'}");
  });

  it("answers every command with a guard reply while trading is disabled, executing nothing", async () => {
    ea.disableTrading("TRADING_IS_NOT_ALLOWED");
    expect(await client.request(open())).toBe("{'_response': 'TRADING_IS_NOT_ALLOWED__ABORTED_COMMAND'}");
    expect(await client.request("HEARTBEAT;")).toBe("{'_response': 'TRADING_IS_NOT_ALLOWED__ABORTED_COMMAND'}");
    expect(ea.trades()).toEqual([]);
    ea.disableTrading(null);
    expect(readExecution(dict(await client.request(open())))).toMatchObject({ ok: true });
  });

  it("executes a command whose reply it drops", async () => {
    ea.dropNextReply();
    await client.send(open());
    expect(await client.request("HEARTBEAT;")).toContain("'heartbeat'");
    expect(ea.trades()).toHaveLength(1);
  });

  it("reports account information, apostrophes in the name included", async () => {
    await ea.close();
    client.close();
    ea = await startEaEmulator({ account: { name: "O'Brien's demo" }, balance: "2500.50" });
    client = await connectRaw(ea);
    expect(readAccountInfo(dict(await client.request("TRADE;GET_ACCOUNT_INFO;0;EURUSD;0;0;0;x;0;0;0")))).toMatchObject({
      accountNumber: "20240001", name: "O'Brien's demo", balance: "2500.50000000", equity: "2500.50000000", leverage: "100",
    });
  });

  it("publishes prices only for tracked symbols, and forgets the tracking when the EA restarts", async () => {
    client.sub.subscribe("EURUSD:|:", "GBPUSD_M1:|:");
    expect(dict(await client.request("TRACK_PRICES;EURUSD;XAUEUR"))).toEqual({ _action: "TRACK_PRICES", _data: { symbol_count: 1, error_symbols: ["XAUEUR"] } });
    let bid = 10000;
    const tickEurusd = () => { bid += 1; return ea.setPrice("EURUSD", `1.${bid}`, `1.${bid + 2}`); };
    expect(parseMarketMessage(await nextPublished(ea, client.sub, tickEurusd))).toMatchObject({ kind: "price", symbol: "EURUSD", bid: expect.stringMatching(/^1\.1\d{5}$/) });

    const reconnected = handshakes(client.push, client.pull);
    await ea.restart();
    await reconnected;
    expect(await client.request("HEARTBEAT;")).toContain("'heartbeat'");
    expect(ea.tracked()).toEqual({ prices: [], rates: [] });
    // The bar stream does not depend on the price list: a bar proves the subscription is back.
    const trackBars = async () => void (await client.request("TRACK_RATES;GBPUSD;1"));
    expect(parseMarketMessage(await nextPublished(ea, client.sub, trackBars))).toMatchObject({ kind: "bar", symbol: "GBPUSD", timeframe: "M1", open: "1.25000" });
    // Were EURUSD still tracked, this tick would be published at once, ahead of the next bar snapshot.
    await tickEurusd();
    await trackBars();
    expect(parseMarketMessage(await nextPublished(ea, client.sub, async () => undefined))).toMatchObject({ kind: "bar" });

    await client.request("TRACK_PRICES;EURUSD");
    expect(parseMarketMessage(await nextPublished(ea, client.sub, tickEurusd))).toMatchObject({ kind: "price", symbol: "EURUSD" });
  });

  it("goes down without queueing commands for later, and comes back on the same ports", async () => {
    const ports = [ea.pushPort, ea.pullPort, ea.subPort];
    expect(await client.request("HEARTBEAT;")).toContain("'heartbeat'");
    const disconnected = waitForEvent(client.push, "disconnect");
    await ea.down();
    await disconnected;
    client.push.sendTimeout = 100;
    await expect(client.send(open())).rejects.toThrow();
    const reconnected = handshakes(client.push, client.pull);
    await ea.up();
    await reconnected;
    expect([ea.pushPort, ea.pullPort, ea.subPort]).toEqual(ports);
    client.push.sendTimeout = 2000;
    expect(await client.request("HEARTBEAT;")).toContain("'heartbeat'");
    expect(ea.trades()).toEqual([]);
    expect(ea.commands()).toEqual(["HEARTBEAT;", "HEARTBEAT;"]);
  });
});

async function waitForEvent(socket: Push | Pull, type: string): Promise<void> {
  for (;;) {
    const event = await socket.events.receive();
    if (event.type === type) return;
  }
}
