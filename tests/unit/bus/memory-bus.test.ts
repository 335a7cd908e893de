import { describe, expect, it } from "vitest";
import { isBusRemoteError, isBusTimeoutError, BusRemoteError } from "@/lib/bus/bus";
import { MemoryBus } from "@/lib/bus/memory-bus";

describe("the in-process bus", () => {
  it("delivers published messages to subscribers, as copies", async () => {
    const bus = new MemoryBus();
    const got: unknown[] = [];
    await bus.subscribe("events", (m) => got.push(m));
    const message = { n: 1 };
    await bus.publish("events", message);
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([{ n: 1 }]);
    expect(got[0]).not.toBe(message);
  });

  it("answers requests, carries a responder's error code back, and times out without a responder", async () => {
    const bus = new MemoryBus();
    await bus.respond("double", async (m) => {
      const n = (m as { n: number }).n;
      if (n < 0) throw new BusRemoteError("NEGATIVE", "no negatives");
      return n * 2;
    });
    expect(await bus.request("double", { n: 21 })).toBe(42);
    const refused = await bus.request("double", { n: -1 }).catch((e: unknown) => e);
    expect(isBusRemoteError(refused) && refused.code).toBe("NEGATIVE");
    const missing = await bus.request("nobody", {}).catch((e: unknown) => e);
    expect(isBusTimeoutError(missing)).toBe(true);
    await expect(bus.respond("double", async () => 0)).rejects.toThrow(/already/);
  });

  it("times out a responder that does not answer in time", async () => {
    const bus = new MemoryBus();
    await bus.respond("slow", () => new Promise((r) => setTimeout(() => r(1), 500)));
    const error = await bus.request("slow", {}, 50).catch((e: unknown) => e);
    expect(isBusTimeoutError(error)).toBe(true);
  });
});
