import { MemoryBus } from "@/lib/bus/memory-bus";
import { type Config, parseConfig } from "@/lib/config";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { type Engine, startEngine } from "@/lib/engine/start-engine";
import type { ServerEventName } from "@/lib/realtime/events";
import type { RealtimeSink } from "@/lib/realtime/sink";
import type { Services } from "@/lib/runtime/services";

export interface SentEvent {
  room: string;
  event: ServerEventName;
  payload: unknown;
}

/** A sink that keeps what the engine pushed, so tests can assert on what browsers would have seen. */
export class RecordingSink implements RealtimeSink {
  readonly events: SentEvent[] = [];
  readonly market: (channel: string, data: unknown) => void = () => undefined;

  emit(room: string, event: ServerEventName, payload: unknown): void {
    this.events.push({ room, event, payload });
  }

  of(event: ServerEventName): SentEvent[] {
    return this.events.filter((e) => e.event === event);
  }

  async close(): Promise<void> {}
}

export const TEST_ENV = {
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  MARKET_FEEDS: "sim",
  SIM_TICKS_PER_SECOND: "200",
  SIM_SEED: "7",
  STRATEGY_ENABLED: "false",
  HEARTBEAT_INTERVAL_MS: "200",
  SNAPSHOT_INTERVAL_MS: "200",
  TICK_FLUSH_MS: "50",
  MAX_ORDER_NOTIONAL: "50000",
  MAX_POSITION_SIZE: "0.5",
  // Tests rest limit orders far from the market, repeat identical orders and send many a minute on purpose.
  MAX_TOTAL_POSITION_SIZE: "1",
  PRICE_COLLAR: "0.99",
  DUPLICATE_WINDOW_MS: "0",
  MAX_ORDERS_PER_MINUTE: "10000",
  INITIAL_CASH: "100000",
  AUTH_SECRET: "test-secret-test-secret-test-secret-42",
  ENCRYPTION_KEY: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
};

export interface Harness {
  services: Services;
  sink: RecordingSink;
  engine: Engine;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The real engine on an in-memory PGlite database and the in-process bus: the embedded mode minus HTTP. */
export async function startHarness(env: Record<string, string> = {}, database?: DatabaseHandle): Promise<Harness> {
  const config: Config = parseConfig({ ...TEST_ENV, ...env });
  const db = database ?? (await createPglite());
  await migrateDatabase(db);
  const services: Services = { config, database: db, bus: new MemoryBus(), mode: "embedded", startedAt: Date.now() };
  const sink = new RecordingSink();
  const harness: Harness = {
    services,
    sink,
    engine: await startEngine({ services, sink }),
    async restart() {
      await harness.engine.stop();
      await services.bus.close();
      services.bus = new MemoryBus();
      harness.engine = await startEngine({ services, sink });
    },
    async close() {
      await harness.engine.stop();
      await services.bus.close();
      await db.close();
    },
  };
  return harness;
}

export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
