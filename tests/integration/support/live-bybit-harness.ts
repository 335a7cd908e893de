import { COMMANDS } from "@/lib/engine/commands";
import type { LiveVenueView } from "@/lib/engine/live/live-venues";
import { startFakeBybit, type FakeBybit } from "../../support/fake-bybit";
import { type Harness, startHarness, waitFor } from "./engine-harness";

export interface LiveBybitHarness {
  fake: FakeBybit;
  harness: Harness;
  /** The engine's live venues, as GET /api/venues reports them. */
  venues(): Promise<LiveVenueView[]>;
  close(): Promise<void>;
}

/** The real engine in live mode trading BTCUSDT on a local fake Bybit, started and reconciled. */
export async function startLiveBybitHarness(): Promise<LiveBybitHarness> {
  const fake = await startFakeBybit({ markPrices: { BTCUSDT: "60000.0", ETHUSDT: "3000.00" } });
  const harness = await startHarness({
    TRADING_MODE: "live", ENABLE_LIVE_TRADING: "true", BYBIT_SYMBOLS: "BTCUSDT", BYBIT_REST_URL: fake.restUrl, BYBIT_WS_PRIVATE_URL: fake.privateWsUrl,
    BYBIT_API_KEY: fake.apiKey, BYBIT_API_SECRET: fake.apiSecret, BYBIT_RECV_WINDOW_MS: "1000",
  });
  const live: LiveBybitHarness = {
    fake, harness,
    venues: async () => ((await harness.services.bus.request(COMMANDS.venues, { accountId: "demo" })) as { venues: LiveVenueView[] }).venues,
    async close() {
      await live.harness.close();
      await fake.close();
    },
  };
  await waitFor(() => harness.engine.ticksProcessed() > 20, "first ticks");
  await waitFor(async () => (await live.venues())[0]?.reconciliation.phase === "agreed", "the first reconciliation");
  return live;
}
