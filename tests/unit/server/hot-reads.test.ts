import { describe, expect, it } from "vitest";
import type { Bus } from "@/lib/bus/bus";
import { announceAccountChanged } from "@/lib/bus/change-topics";
import { MemoryBus } from "@/lib/bus/memory-bus";
import { announceAuthChanged, hotRead } from "@/lib/server/cache/hot-reads";
import type { ServerContext } from "@/lib/server/context";

// Two web processes are two services objects on one bus: what one announces, the other drops.
const webProcess = (bus: Bus) => ({ bus }) as unknown as ServerContext;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function counter() {
  let loads = 0;
  return { load: async () => ++loads, loads: () => loads };
}

describe("hot reads", () => {
  it("serves a repeated read from memory", async () => {
    const web = webProcess(new MemoryBus());
    const positions = counter();
    await hotRead(web, "accounts", "demo", positions.load);
    await hotRead(web, "accounts", "demo", positions.load);
    expect(positions.loads()).toBe(1);
  });

  it("drops an account in every web process when the engine announces a change to it, and only that account", async () => {
    const bus = new MemoryBus();
    const [a, b] = [webProcess(bus), webProcess(bus)];
    const demo = counter();
    const other = counter();
    for (const web of [a, b]) {
      await hotRead(web, "accounts", "demo", demo.load);
      await hotRead(web, "accounts", "desk-2", other.load);
    }
    await announceAccountChanged(bus, "demo");
    await settle();
    expect(await hotRead(a, "accounts", "demo", demo.load)).toBe(3);
    expect(await hotRead(b, "accounts", "demo", demo.load)).toBe(4);
    await hotRead(b, "accounts", "desk-2", other.load);
    expect(other.loads()).toBe(2);
  });

  it("drops cached actors at once where the change was made, and in the other processes when the bus delivers", async () => {
    const bus = new MemoryBus();
    const [a, b] = [webProcess(bus), webProcess(bus)];
    const actor = counter();
    await hotRead(a, "actors", "k", actor.load);
    await hotRead(b, "actors", "k", actor.load);
    const announced = announceAuthChanged(a);
    expect(await hotRead(a, "actors", "k", actor.load)).toBe(3);
    await announced;
    await settle();
    expect(await hotRead(b, "actors", "k", actor.load)).toBe(4);
  });

  it("reads the database every time while the bus cannot deliver the announcements that keep the cache honest", async () => {
    const broken = { subscribe: () => Promise.reject(new Error("Redis is down")), publish: async () => {} } as unknown as Bus;
    const web = webProcess(broken);
    const positions = counter();
    await hotRead(web, "accounts", "demo", positions.load);
    await hotRead(web, "accounts", "demo", positions.load);
    expect(positions.loads()).toBe(2);
  });
});
