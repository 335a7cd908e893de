import { Decimal } from "decimal.js";
import { afterEach, describe, expect, it } from "vitest";
import { Pull, Push } from "zeromq";
import { Mt5CommandAborted, Mt5NoReply, Mt5Unreachable } from "@/lib/venues/mt5/bridge-errors";
import { Mt5Bridge, type Mt5BridgeOptions } from "@/lib/venues/mt5/mt5-bridge";
import type { Mt5Bar, Mt5Price } from "@/lib/venues/mt5/market-data";
import { startEaEmulator, type EaEmulator, type EaEmulatorOptions } from "@/tests/support/mt5-ea-emulator";

const HOST = "127.0.0.1";
const MAGIC = "123456";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Polls until the condition holds; fails naming what never happened. */
async function until(condition: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function emulator(options: EaEmulatorOptions = {}): Promise<EaEmulator> {
  const ea = await startEaEmulator({ maxOrders: 10, maxLotSize: "1", ...options });
  cleanups.push(() => ea.close());
  return ea;
}

/** A started bridge that has had its first heartbeat answered; periodic heartbeats off unless asked for. */
async function bridgeTo(ports: { pushPort: number; pullPort: number; subPort: number }, options: Partial<Mt5BridgeOptions> = {}): Promise<Mt5Bridge> {
  const bridge = new Mt5Bridge({
    host: HOST, pushPort: ports.pushPort, pullPort: ports.pullPort, subPort: ports.subPort, heartbeatMs: 0,
    ...options, timeouts: { sendMs: 200, ...options.timeouts, replyMs: { HEARTBEAT: 1_000, ...options.timeouts?.replyMs } },
  });
  cleanups.push(() => bridge.stop());
  bridge.start();
  await until(() => bridge.status().connected, "the bridge's first heartbeat was answered");
  return bridge;
}

const tradesOf = (ea: EaEmulator, action: string) => ea.commands().filter((c) => c.startsWith(`TRADE;${action};`));
const buy = (lots = "0.01", extra: object = {}) => ({ type: 0 as const, symbol: "EURUSD", lots, magic: MAGIC, comment: "tf-order-1", ...extra });

describe("Mt5Bridge commands against the EA emulator", () => {
  it("opens a market order with SL/TP in points and returns the exact 64-bit ticket and prices", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea);
    const result = await bridge.open(buy("0.01", { slPoints: 500, tpPoints: 500 }));
    expect(tradesOf(ea, "OPEN")).toEqual(["TRADE;OPEN;0;EURUSD;0;500;500;tf-order-1;0.01;123456;0"]);
    if (!result.ok) throw new Error(result.message);
    const [trade] = ea.trades();
    expect(result.ticket).toBe("9007199254740993");
    expect(result.ticket).toBe(trade.ticket);
    expect(new Decimal(result.openPrice).eq("1.10020")).toBe(true);
    expect(new Decimal(result.sl!).eq("1.09520")).toBe(true);
    expect(new Decimal(result.tp!).eq("1.10520")).toBe(true);
  });

  it("modifies, partially closes (the remainder gets a new ticket) and closes a trade", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea);
    const opened = await bridge.open(buy("0.10"));
    if (!opened.ok) throw new Error(opened.message);
    const modified = await bridge.modify({ ticket: opened.ticket, slPoints: 300, tpPoints: 600 });
    expect(modified.ok && [modified.sl, modified.tp].map((p) => new Decimal(p!).toFixed(5))).toEqual(["1.09720", "1.10620"]);
    const partial = await bridge.closePartial({ ticket: opened.ticket, lots: "0.04" });
    expect(partial.ok && [partial.kind, new Decimal(partial.closeLots!).toFixed(2)]).toEqual(["partial", "0.04"]);
    const trades = await bridge.openTrades();
    if (!Array.isArray(trades)) throw new Error(trades.message);
    expect(trades.map((t) => [t.ticket === opened.ticket, new Decimal(t.lots).toFixed(2)])).toEqual([[false, "0.06"]]);
    const closed = await bridge.close({ ticket: trades[0].ticket });
    expect(closed.ok && [closed.kind, closed.ticket, new Decimal(closed.closePrice!).toFixed(5)]).toEqual(["market", trades[0].ticket, "1.10000"]);
    expect(ea.trades()).toEqual([]);
  });

  it("lists every order in the terminal with manual ones, closes by magic, then closes all", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea);
    const manual = ea.addManualTrade({ symbol: "GBPUSD", magic: "0", comment: "by hand" });
    const ours = await bridge.open(buy());
    const listed = await bridge.openTrades();
    if (!Array.isArray(listed) || !ours.ok) throw new Error("unexpected failure");
    expect(listed.map((t) => [t.ticket, t.magic, t.comment]).sort()).toEqual([[manual, "0", "by hand"], [ours.ticket, MAGIC, "tf-order-1"]].sort());
    const byMagic = await bridge.closeMagic(MAGIC);
    expect(byMagic.ok && byMagic.results.map((r) => r.ticket)).toEqual([ours.ticket]);
    expect(ea.trades().map((t) => t.ticket)).toEqual([manual]);
    const all = await bridge.closeAll();
    expect(all.ok && all.results.map((r) => r.ticket)).toEqual([manual]);
    expect(ea.trades()).toEqual([]);
  });

  it("reads the account information", async () => {
    const ea = await emulator({ balance: "2500.50" });
    const bridge = await bridgeTo(ea);
    const info = await bridge.accountInfo();
    expect("accountNumber" in info && [info.accountNumber, new Decimal(info.balance).toFixed(2)]).toEqual(["20240001", "2500.50"]);
  });

  it("returns the EA's refusal of an order as a value with the reason in plain words", async () => {
    const ea = await emulator({ maxLotSize: "0.01" });
    const bridge = await bridgeTo(ea);
    const result = await bridge.open(buy("0.02"));
    expect(result).toMatchObject({ ok: false, code: "LOT_SIZE_ERROR" });
    expect(!result.ok && result.message).toMatch(/maximum lot size/);
    expect(ea.trades()).toEqual([]);
  });
});

describe("Mt5Bridge faults", () => {
  it("fails a command with the guard's reason in plain words, executes nothing, and recovers when trading is allowed again", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea);
    ea.disableTrading("TRADING_IS_NOT_ALLOWED");
    const refused = bridge.open(buy());
    await expect(refused).rejects.toBeInstanceOf(Mt5CommandAborted);
    await expect(refused).rejects.toThrow(/Algo trading is switched off/);
    expect(bridge.status().lastError).toMatch(/Algo trading is switched off/);
    expect(ea.trades()).toEqual([]);
    ea.disableTrading(null);
    expect((await bridge.open(buy())).ok).toBe(true);
    expect(bridge.status().lastError).toBeNull();
  });

  it("a dropped reply to OPEN rejects with Mt5NoReply; the order is never resent and is found in the open trades", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea, { timeouts: { replyMs: { OPEN: 300 } } });
    ea.dropNextReply();
    await expect(bridge.open(buy())).rejects.toBeInstanceOf(Mt5NoReply);
    const trades = await bridge.openTrades();
    expect(Array.isArray(trades) && trades.map((t) => t.comment)).toEqual(["tf-order-1"]);
    expect(tradesOf(ea, "OPEN")).toHaveLength(1);
  });

  it("does not take the late reply of a timed-out command for the next command's reply", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea, { timeouts: { replyMs: { GET_OPEN_TRADES: 150 } } });
    ea.slowReplies(500);
    await expect(bridge.openTrades()).rejects.toBeInstanceOf(Mt5NoReply);
    ea.slowReplies(0);
    const manual = ea.addManualTrade({ symbol: "EURUSD" });
    // The first reply (no trades) is still on its way: it must not answer this second GET_OPEN_TRADES.
    const trades = await bridge.openTrades();
    expect(Array.isArray(trades) && trades.map((t) => t.ticket)).toEqual([manual]);
  });

  it("with the EA down a command fails with Mt5Unreachable and does not execute when the EA comes back", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea, { heartbeatMs: 100 });
    await bridge.trackPrices(["EURUSD"]);
    await ea.down();
    await until(() => !bridge.status().connected, "the bridge noticed the EA is down");
    await expect(bridge.open(buy())).rejects.toBeInstanceOf(Mt5Unreachable);
    await until(() => /not reachable|Lost the connection/.test(bridge.status().lastError ?? ""), "status says the EA is unreachable");
    await ea.up();
    await until(() => bridge.status().connected, "heartbeats answered again");
    await bridge.heartbeat();
    expect(tradesOf(ea, "OPEN")).toEqual([]);
    expect(ea.trades()).toEqual([]);
    expect(bridge.status()).toMatchObject({ connected: true, lastError: null, eaRestarts: 1 });
    await until(() => ea.tracked().prices.includes("EURUSD"), "tracking sent again once the EA is back");
  });

  it("after an EA restart sends the tracking again and prices flow again", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea); // no periodic heartbeat: the reconnection alone must bring tracking back
    const prices: Mt5Price[] = [];
    bridge.onPrice((price) => prices.push(price));
    await bridge.trackPrices(["EURUSD"]);
    await until(() => prices.length > 0, "the first price");
    await ea.restart();
    await until(() => ea.tracked().prices.includes("EURUSD"), "TRACK_PRICES sent again after the restart");
    await until(() => bridge.status().connected, "heartbeats answered again");
    await ea.setPrice("EURUSD", "1.20000", "1.20010");
    await until(() => prices.some((p) => p.bid.startsWith("1.200000")), "a price published after the restart");
    expect(bridge.status().eaRestarts).toBe(1);
    expect(ea.commands().filter((c) => c === "TRACK_PRICES;EURUSD")).toHaveLength(2);
  });
  it("sends a TRACK_PRICES that got no reply again once a heartbeat is answered", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea, { heartbeatMs: 100, timeouts: { replyMs: { TRACK_PRICES: 100 } } });
    ea.slowReplies(300);
    await expect(bridge.trackPrices(["EURUSD"])).rejects.toBeInstanceOf(Mt5NoReply);
    ea.slowReplies(0);
    await until(() => ea.commands().filter((c) => c === "TRACK_PRICES;EURUSD").length === 2, "TRACK_PRICES sent again");
  });

  it("sends the tracking again when a tracked symbol's prices go silent (an EA that forgot it without a reconnect)", async () => {
    const ea = await emulator();
    const bridge = await bridgeTo(ea, { heartbeatMs: 50, timeouts: { priceSilenceMs: 200 } });
    await bridge.trackPrices(["EURUSD"]);
    await until(() => ea.commands().filter((c) => c === "TRACK_PRICES;EURUSD").length >= 2, "TRACK_PRICES sent again after the silence");
  });
});

describe("Mt5Bridge market data", () => {
  it("delivers tracked prices and bars parsed, with the exact decimals the EA sent", async () => {
    const ea = await emulator({ publishIntervalMs: 50 });
    const bridge = await bridgeTo(ea);
    const prices: Mt5Price[] = [];
    const bars: Mt5Bar[] = [];
    bridge.onPrice((price) => prices.push(price));
    bridge.onBar((bar) => bars.push(bar));
    await bridge.trackPrices(["EURUSD", "USDJPY"]);
    await bridge.trackRates([{ symbol: "EURUSD", timeframe: "M1" }]);
    await ea.setPrice("EURUSD", "1.12345", "1.12350");
    await ea.setPrice("GBPUSD", "1.30000", "1.30030");
    await until(() => prices.some((p) => p.bid === "1.123450") && bars.length > 0, "a EURUSD price and a bar");
    expect(prices.find((p) => p.bid === "1.123450")).toEqual({ kind: "price", symbol: "EURUSD", bid: "1.123450", ask: "1.123500" });
    expect(prices.every((p) => p.symbol !== "GBPUSD")).toBe(true);
    expect(bars[0]).toMatchObject({ kind: "bar", symbol: "EURUSD", timeframe: "M1" });
  });
});

/** Raw EA sockets the test answers by hand, to see exactly what the bridge sends and when. */
class HandDrivenEa {
  readonly commands = new Pull({ linger: 0, receiveTimeout: 2_000 });
  readonly replies = new Push({ linger: 0 });

  async bind(): Promise<{ pushPort: number; pullPort: number; subPort: number }> {
    await this.commands.bind(`tcp://${HOST}:0`);
    await this.replies.bind(`tcp://${HOST}:0`);
    const port = (endpoint: string | null) => Number(endpoint!.slice(endpoint!.lastIndexOf(":") + 1));
    return { pushPort: port(this.commands.lastEndpoint), pullPort: port(this.replies.lastEndpoint), subPort: 1 };
  }

  async next(): Promise<string> {
    const [frame] = await this.commands.receive();
    return frame.toString();
  }

  async nothingWithin(ms: number): Promise<boolean> {
    this.commands.receiveTimeout = ms;
    try {
      await this.commands.receive();
      return false;
    } catch {
      return true;
    } finally {
      this.commands.receiveTimeout = 2_000;
    }
  }

  close(): void {
    this.commands.close();
    this.replies.close();
  }
}

describe("Mt5Bridge on the wire", () => {
  async function handDriven(): Promise<{ ea: HandDrivenEa; bridge: Mt5Bridge }> {
    const ea = new HandDrivenEa();
    const ports = await ea.bind();
    cleanups.push(async () => ea.close());
    const bridge = new Mt5Bridge({ host: HOST, ...ports, heartbeatMs: 0, timeouts: { sendMs: 200 } });
    cleanups.push(() => bridge.stop());
    bridge.start();
    expect(await ea.next()).toBe("HEARTBEAT;"); // sent once the link is up
    await ea.replies.send("{'_action': 'heartbeat', '_response': 'loud and clear!'}");
    await until(() => bridge.status().connected, "first heartbeat answered");
    return { ea, bridge };
  }

  it("keeps one command in flight: the second call is sent only after the first is answered", async () => {
    const { ea, bridge } = await handDriven();
    const first = bridge.accountInfo();
    const second = bridge.heartbeat();
    expect(await ea.next()).toBe("TRADE;GET_ACCOUNT_INFO;0;EURUSD;0;0;0;;0;0;0");
    expect(await ea.nothingWithin(300)).toBe(true);
    await ea.replies.send("{'_action': 'GET_ACCOUNT_INFORMATION', 'account_number': 7, '_data': [{'currenttime': '2026.01.02 10:00:00', 'account_name': 'x', 'account_balance': 100.00000000, 'account_equity': 100.00000000, 'account_profit': 0.00000000, 'account_free_margin': 100.00000000, 'account_leverage': 100}]}");
    expect(await first).toMatchObject({ accountNumber: "7", balance: "100.00000000" });
    expect(await ea.next()).toBe("HEARTBEAT;");
    await ea.replies.send("{'_action': 'heartbeat', '_response': 'loud and clear!'}");
    await second;
  });

  it("ignores empty frames, unparsable frames and replies for other commands while waiting for its reply", async () => {
    const { ea, bridge } = await handDriven();
    const trades = bridge.openTrades();
    expect(await ea.next()).toBe("TRADE;GET_OPEN_TRADES;0;EURUSD;0;0;0;;0;0;0");
    for (const frame of ["", "not a dict {", "{'_action': 'EXECUTION', '_ticket': 1}", ""]) await ea.replies.send(frame);
    await ea.replies.send("{'_action': 'OPEN_TRADES', '_trades': {9007199254740995: {'_magic': 1, '_symbol': 'EURUSD', '_lots': 0.01000000, '_type': 0, '_open_price': 1.10020000, '_open_time': '2026.01.02 10:00:00', '_SL': 0.00000000, '_TP': 0.00000000, '_pnl': 0.00000000, '_comment': 'x'}}}");
    expect(await trades).toMatchObject([{ ticket: "9007199254740995", lots: "0.01000000" }]);
  });
});
