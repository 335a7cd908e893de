import { describe, expect, it } from "vitest";
import type { Tick } from "@/lib/domain/market-data";
import { TickGate } from "@/lib/engine/tick-gate";

const tick = (seq: number): Tick => ({ symbol: "X", ts: seq, price: 100 + seq, size: 1, side: "buy", seq });

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the tick gate in front of the engine", () => {
  it("holds prints while a strategy order is in flight and lets them through in order once it is at the venue", async () => {
    const processed: number[] = [];
    const order = deferred();
    const gate = new TickGate((t) => {
      processed.push(t.seq);
      if (t.seq === 2) gate.holdUntil(order.promise);
    });
    for (const seq of [1, 2, 3, 4]) gate.push(tick(seq));
    expect(processed).toEqual([1, 2]);
    expect(gate.size()).toBe(2);
    order.resolve();
    await settle();
    expect(processed).toEqual([1, 2, 3, 4]);
    expect(gate.size()).toBe(0);
  });

  it("stops again at a held print that starts another order, and releases even when an order fails", async () => {
    const processed: number[] = [];
    const first = deferred();
    const second = deferred();
    const gate = new TickGate((t) => {
      processed.push(t.seq);
      if (t.seq === 1) gate.holdUntil(first.promise);
      if (t.seq === 3) gate.holdUntil(second.promise);
    });
    for (const seq of [1, 2, 3, 4, 5]) gate.push(tick(seq));
    first.resolve();
    await settle();
    expect(processed).toEqual([1, 2, 3]);
    const idle = gate.idle();
    second.reject(new Error("refused"));
    await idle;
    expect(processed).toEqual([1, 2, 3, 4, 5]);
  });

  it("lets prints through after the longest hold even if the order never settles, so a stalled database cannot freeze market data", async () => {
    const processed: number[] = [];
    let timeouts = 0;
    const gate = new TickGate((t) => {
      processed.push(t.seq);
      if (t.seq === 1) gate.holdUntil(new Promise(() => undefined));
    }, 20, () => (timeouts += 1));
    for (const seq of [1, 2, 3]) gate.push(tick(seq));
    expect(processed).toEqual([1]);
    await new Promise((r) => setTimeout(r, 40));
    expect(processed).toEqual([1, 2, 3]);
    expect(timeouts).toBe(1);
    await gate.idle();
  });
});
