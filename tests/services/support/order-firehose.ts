import { z } from "zod";
import { isBusRemoteError, isBusTimeoutError, type Unsubscribe } from "@/lib/bus/bus";
import type { RedisBus } from "@/lib/bus/redis-bus";
import { ORDER_STATUSES } from "@/lib/domain/order";
import { COMMANDS, type SubmitOrderCommand, submitOrderCommandSchema } from "@/lib/engine/commands";
import { MARKET_TOPIC } from "@/lib/realtime/sink";
import { sleep } from "./infrastructure";

/** What the engine answers to a submit; only the fields the checks need. */
const orderReplySchema = z.object({
  id: z.string().uuid(),
  clientOrderId: z.string(),
  status: z.enum(ORDER_STATUSES),
  quantity: z.string(),
  filledQuantity: z.string(),
});
export type OrderReply = z.infer<typeof orderReplySchema>;

export interface AckedOrder {
  command: SubmitOrderCommand;
  reply: OrderReply;
  /** Which kill/restart cycle the order was acknowledged in. */
  cycle: number;
}

// LIMITs only on BTCUSDT: a resting order blocks the strategy on its symbol, so ETHUSDT stays the strategy's.
const LIMIT_SYMBOL = "BTCUSDT";
const SYMBOLS = {
  BTCUSDT: { tick: 0.1, decimals: 1, quantities: ["0.001", "0.002", "0.003"] },
  ETHUSDT: { tick: 0.01, decimals: 2, quantities: ["0.01", "0.02", "0.05"] },
} as const;
type FirehoseSymbol = keyof typeof SYMBOLS;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/**
 * Sends a stream of orders straight over the Redis bus, as the web would, from a few concurrent loops, and keeps
 * what the engine acknowledged. Anything unanswered (the worker died mid-request) is counted, never assumed.
 */
export class OrderFirehose {
  readonly acked = new Map<string, AckedOrder>();
  readonly refusals = new Map<string, number>();
  unanswered = 0;
  cycle = 0;
  private readonly prices = new Map<string, number>();
  private loops: Promise<void>[] = [];
  private running = false;
  private counter = 0;
  private stopPrices: Unsubscribe | undefined;

  constructor(private readonly bus: RedisBus, private readonly runId: string, private readonly accountId = "demo") {}

  /** Follows the engine's ticks on the bus so LIMIT prices sit near the market. */
  async watchPrices(): Promise<void> {
    this.stopPrices = await this.bus.subscribe(MARKET_TOPIC, (message) => {
      const { channel, data } = message as { channel: string; data: { symbol?: unknown; price?: unknown } };
      if (channel.startsWith("ticks.") && typeof data.symbol === "string" && typeof data.price === "number") this.prices.set(data.symbol, data.price);
    });
  }

  start(concurrency: number): void {
    if (this.running) throw new Error("firehose already running");
    this.running = true;
    this.loops = Array.from({ length: concurrency }, () => this.loop());
  }

  /** Stops sending and waits until every request in flight got its answer or timed out. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }

  async close(): Promise<void> {
    await this.stop();
    await this.stopPrices?.();
  }

  /** One submit; the validated reply, or the refusal/timeout as an error. */
  async submit(command: SubmitOrderCommand, timeoutMs = 3_000): Promise<OrderReply> {
    return orderReplySchema.parse(await this.bus.request(COMMANDS.submitOrder, submitOrderCommandSchema.parse(command), timeoutMs));
  }

  /** A MARKET order with a new client order id, outside the random stream. */
  marketCommand(symbol: FirehoseSymbol, side: "BUY" | "SELL", quantity: string): SubmitOrderCommand {
    return {
      clientOrderId: `c${this.runId}-m${++this.counter}`, accountId: this.accountId, symbol, side, type: "MARKET", quantity,
      timeInForce: "GTC", source: "api", actor: "crash-safety-test",
    };
  }

  nextCommand(): SubmitOrderCommand {
    const symbol = pick(Object.keys(SYMBOLS) as FirehoseSymbol[]);
    const spec = SYMBOLS[symbol];
    const side = pick(["BUY", "SELL"] as const);
    const last = this.prices.get(symbol);
    const base = {
      clientOrderId: `c${this.runId}-${++this.counter}`, accountId: this.accountId, symbol, side, quantity: pick(spec.quantities),
      timeInForce: "GTC" as const, source: "api" as const, actor: "crash-safety-test",
    };
    if (symbol !== LIMIT_SYMBOL || last === undefined || Math.random() < 0.5) return { ...base, type: "MARKET" };
    // Half marketable (fills on arrival), half a few basis points away (rests, then fills, often in parts).
    const towardsMarket = Math.random() < 0.5 ? 1 : -1;
    const offset = (side === "BUY" ? 1 : -1) * towardsMarket * (1 + Math.random() * 4) / 10_000;
    const price = Math.round((last * (1 + offset)) / spec.tick) * spec.tick;
    return { ...base, type: "LIMIT", price: price.toFixed(spec.decimals) };
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const command = this.nextCommand();
      try {
        const reply = await this.submit(command);
        this.acked.set(command.clientOrderId, { command, reply, cycle: this.cycle });
      } catch (error) {
        // Anything but a refusal or a timeout (a malformed reply) is a failure of the test run itself.
        if (!isBusRemoteError(error) && !isBusTimeoutError(error)) throw error;
        const code = isBusRemoteError(error) ? error.code : "UNANSWERED";
        if (code === "UNANSWERED") this.unanswered += 1;
        this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
        // Nobody listening (the worker is down): do not spin.
        if (code === "NO_RESPONDER") await sleep(50);
      }
    }
  }
}
