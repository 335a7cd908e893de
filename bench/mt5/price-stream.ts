import { Publisher, Subscriber } from "zeromq";
import { priceTopic } from "@/lib/venues/mt5/market-data";
import { SeededRandom } from "@/lib/market/seeded-random";
import { portOf } from "./bare-echo";

/** `EURUSD:|:1.116400;1.116430` frames: bid/ask random walks with 6 decimals, round-robin over the symbols. */
export function priceFrames(symbols: readonly string[], count: number, seed: number): string[] {
  const random = new SeededRandom(seed);
  const mids = symbols.map(() => 1.1 + random.uniform() * 0.2);
  const frames: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = i % symbols.length;
    mids[s] += (random.uniform() - 0.5) * 0.0002;
    const bid = mids[s].toFixed(6);
    const ask = (mids[s] + 0.00003).toFixed(6);
    frames.push(`${symbols[s]}:|:${bid};${ask}`);
  }
  return frames;
}

/** Counts frames as some consumer takes them in, and lets the publisher wait until a count is reached. */
export class ArrivalCounter {
  received = 0;
  private target = Infinity;
  private reached: (() => void) | null = null;

  arrived(): void {
    if (++this.received >= this.target) {
      this.target = Infinity;
      this.reached?.();
    }
  }

  until(count: number): Promise<void> {
    if (this.received >= count) return Promise.resolve();
    return new Promise((resolve) => {
      this.target = count;
      this.reached = resolve;
    });
  }
}

/** A PUB socket standing in for the EA's, so both sides get the same frames as fast as the stream can take them. */
export class FramePublisher {
  private readonly pub = new Publisher({ linger: 0 });

  async bind(host: string): Promise<number> {
    await this.pub.bind(`tcp://${host}:0`);
    return portOf(this.pub.lastEndpoint);
  }

  async publish(frames: readonly string[], from: number, to: number): Promise<void> {
    for (let i = from; i < to; i++) await this.pub.send(frames[i]);
  }

  close(): void {
    this.pub.close();
  }
}

/** Bare SUB receive of the same topics: no parsing, only counting. */
export class BareSubscriber {
  readonly counter = new ArrivalCounter();
  private readonly sub = new Subscriber({ linger: 0 });
  private loop: Promise<void> | null = null;

  constructor(host: string, port: number, symbols: readonly string[]) {
    this.sub.connect(`tcp://${host}:${port}`);
    this.sub.subscribe(...symbols.map(priceTopic));
  }

  start(): void {
    this.loop = this.receive();
  }

  async close(): Promise<void> {
    this.sub.close();
    await this.loop;
  }

  private async receive(): Promise<void> {
    try {
      for await (const [frame] of this.sub) if (frame.length > 0) this.counter.arrived();
    } catch {
      // closed
    }
  }
}

/**
 * Messages per second one consumer takes in: frames are published in batches smaller than the sockets' high-water
 * mark (zeromq drops frames beyond it), and only the time from a batch's last send until the consumer has them all
 * is counted. The sends resolve without yielding to the event loop, so no frame is consumed while they run.
 */
export async function drainRate(publisher: FramePublisher, counter: ArrivalCounter, frames: readonly string[], batch: number): Promise<number> {
  let receivingNs = 0n;
  const base = counter.received;
  for (let from = 0; from < frames.length; from += batch) {
    const to = Math.min(frames.length, from + batch);
    await publisher.publish(frames, from, to);
    const sentAt = process.hrtime.bigint();
    await counter.until(base + to);
    receivingNs += process.hrtime.bigint() - sentAt;
  }
  return frames.length / (Number(receivingNs) / 1e9);
}

/** Publishes one frame at a time until the consumer gets one: a SUB's subscriptions reach the PUB asynchronously. */
export async function awaitSubscription(publisher: FramePublisher, counter: ArrivalCounter, frame: string): Promise<void> {
  const start = counter.received;
  for (let attempt = 0; attempt < 500 && counter.received === start; attempt++) {
    await publisher.publish([frame], 0, 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (counter.received === start) throw new Error("the subscriber never received a frame");
}
