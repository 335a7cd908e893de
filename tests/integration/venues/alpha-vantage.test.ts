import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Bar } from "@/lib/domain/market-data";
import { createRateGate, type RateGateFactory, type Sleep } from "@/lib/runtime/rate-gate";
import { AlphaVantageFeed } from "@/lib/venues/alphavantage/alpha-vantage-feed";
import { fxBody, intradayBody, QUOTA_INFORMATION, QUOTA_NOTE } from "../../unit/venues/alphavantage/fixtures";

// Monday 2024-08-05 10:07:30 US/Eastern.
const START = Date.UTC(2024, 7, 5, 14, 7, 30);

interface SeenRequest {
  params: Record<string, string>;
  /** Simulated time the request arrived. */
  at: number;
}

/** A local stand-in for www.alphavantage.co/query: answers in the documented shapes, or with a quota message. */
class FakeAlphaVantage {
  readonly seen: SeenRequest[] = [];
  quotaMessage: Record<string, string> | null = null;
  private server!: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const params = Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
      this.seen.push({ params, at: Date.now() });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(this.quotaMessage ?? this.answer(params)));
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/query`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(params: Record<string, string>) {
    if (params.function === "FX_INTRADAY") {
      return fxBody(params.from_symbol, params.to_symbol, params.interval, [["2024-08-05 14:00:00", "1.09100", "1.09120", "1.09090", "1.09110"]]);
    }
    return intradayBody(params.symbol, params.interval, [["2024-08-05 10:00:00", "188.3500", "188.3600", "188.3400", "188.3500", "60"]]);
  }
}

const server = new FakeAlphaVantage();
let gateNames = 0;

/** Memory gates whose waits move the simulated clock instead of passing real time. */
function simulatedGates(): RateGateFactory {
  const sleep: Sleep = async (ms) => {
    vi.setSystemTime(Date.now() + ms);
  };
  const run = ++gateNames;
  return (spec) => createRateGate({ ...spec, name: `${spec.name}-${run}`, sleep });
}

function feedFor(symbols: string[], callsPerMinute: number, bars: Bar[] = []) {
  return new AlphaVantageFeed({
    apiKey: "TESTKEY", url: server.url(), symbols, interval: "5min", callsPerMinute, callsPerDay: 25, gate: simulatedGates(), onBar: (bar) => bars.push(bar),
  });
}

beforeAll(() => server.start());
afterAll(() => server.stop());

beforeEach(() => {
  server.seen.length = 0;
  server.quotaMessage = null;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("AlphaVantageFeed against a local Alpha Vantage", () => {
  it("polls every symbol over HTTP, never more than the per-minute quota in any minute", async () => {
    const bars: Bar[] = [];
    const feed = feedFor(["IBM", "MSFT", "AAPL", "EUR/USD", "GBP/JPY"], 2, bars);
    await feed.pollOnce();
    await feed.stop();

    expect(server.seen.map((r) => r.params.symbol ?? `${r.params.from_symbol}/${r.params.to_symbol}`)).toEqual(["IBM", "MSFT", "AAPL", "EUR/USD", "GBP/JPY"]);
    expect(server.seen.every((r) => r.params.apikey === "TESTKEY")).toBe(true);
    const secondsAfterStart = server.seen.map((r) => (r.at - START) / 1000);
    expect(secondsAfterStart).toEqual([0, 0, 60, 60, 120]);
    for (const request of server.seen) {
      expect(server.seen.filter((r) => r.at >= request.at && r.at < request.at + 60_000).length).toBeLessThanOrEqual(2);
    }
    expect(bars.map((b) => [b.symbol, b.openTime])).toEqual([
      ["IBM", Date.UTC(2024, 7, 5, 14, 0)], ["MSFT", Date.UTC(2024, 7, 5, 14, 0)], ["AAPL", Date.UTC(2024, 7, 5, 14, 0)],
      ["EURUSD", Date.UTC(2024, 7, 5, 14, 0)], ["GBPJPY", Date.UTC(2024, 7, 5, 14, 0)],
    ]);
  });

  it("shows the daily quota message as the feed's last error and stops calling until it resets", async () => {
    server.quotaMessage = QUOTA_INFORMATION;
    const feed = feedFor(["IBM", "EUR/USD"], 5);
    await feed.pollOnce();
    vi.setSystemTime(START + 10 * 60_000);
    await feed.pollOnce();
    await feed.stop();

    expect(server.seen).toHaveLength(1);
    expect(feed.status().lastError).toBe(
      `Alpha Vantage's daily call quota is used up; next try at 2024-08-06 00:00:00 UTC (Alpha Vantage said: "${QUOTA_INFORMATION.Information}")`,
    );
  });

  it("shows the older per-minute Note as the feed's last error", async () => {
    server.quotaMessage = QUOTA_NOTE;
    const feed = feedFor(["IBM"], 5);
    await feed.pollOnce();
    await feed.stop();
    expect(feed.status().lastError).toBe(`Alpha Vantage's per-minute call quota is used up; next try at 2024-08-05 14:08:30 UTC (Alpha Vantage said: "${QUOTA_NOTE.Note}")`);
  });
});
