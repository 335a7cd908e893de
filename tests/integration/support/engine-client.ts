import { isBusRemoteError } from "@/lib/bus/bus";
import type { Order } from "@/lib/domain/order";
import { COMMANDS, type SubmitOrderCommand } from "@/lib/engine/commands";
import type { Harness } from "./engine-harness";

/** What a web process does to the engine over the bus, plus a row reader: shared by the PGlite and PostgreSQL suites. */
export function engineClient(harness: () => Harness) {
  const command = (overrides: Partial<SubmitOrderCommand>): SubmitOrderCommand => ({
    clientOrderId: `c-${Math.random().toString(36).slice(2, 12)}`, accountId: "demo", symbol: "BTCUSDT", side: "BUY", type: "MARKET",
    quantity: "0.01", timeInForce: "GTC", source: "api", actor: "test", ...overrides,
  });
  return {
    command,
    submit: (overrides: Partial<SubmitOrderCommand>) => harness().services.bus.request(COMMANDS.submitOrder, command(overrides)) as Promise<Order>,
    request: <T>(topic: string, message: unknown) => harness().services.bus.request(topic, message) as Promise<T>,
    async row<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
      const rows = await harness().services.database.query<T>(sql, params);
      if (rows.length === 0) throw new Error(`no row for: ${sql}`);
      return rows[0]!;
    },
  };
}

/** The reason code of a refused command. */
export async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isBusRemoteError(error)) return error.code;
    throw error;
  }
  throw new Error("expected a rejection");
}
