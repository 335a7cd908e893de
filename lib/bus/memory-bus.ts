import { type Bus, type BusHandler, BusTimeoutError, DEFAULT_REQUEST_TIMEOUT_MS, type Responder, type Unsubscribe } from "./bus";

/** The embedded mode's bus: same contract as Redis, delivered asynchronously like a real broker. */
export class MemoryBus implements Bus {
  readonly kind = "memory" as const;
  private readonly handlers = new Map<string, Set<BusHandler>>();
  private readonly responders = new Map<string, Responder>();

  async publish(topic: string, message: unknown): Promise<void> {
    const set = this.handlers.get(topic);
    if (!set) return;
    const copy = structuredClone(message);
    for (const handler of set) queueMicrotask(() => handler(copy));
  }

  async subscribe(topic: string, handler: BusHandler): Promise<Unsubscribe> {
    const set = this.handlers.get(topic) ?? new Set();
    set.add(handler);
    this.handlers.set(topic, set);
    return async () => void set.delete(handler);
  }

  async request(topic: string, message: unknown, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS): Promise<unknown> {
    const responder = this.responders.get(topic);
    if (!responder) throw new BusTimeoutError(topic, 0);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BusTimeoutError(topic, timeoutMs)), timeoutMs);
    });
    try {
      return structuredClone(await Promise.race([responder(structuredClone(message)), timeout]));
    } finally {
      clearTimeout(timer);
    }
  }

  async respond(topic: string, responder: Responder): Promise<Unsubscribe> {
    if (this.responders.has(topic)) throw new Error(`A responder for ${topic} already exists`);
    this.responders.set(topic, responder);
    return async () => void this.responders.delete(topic);
  }

  async ping(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.responders.clear();
  }
}
