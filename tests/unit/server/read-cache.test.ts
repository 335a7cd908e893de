import { describe, expect, it } from "vitest";
import { ReadCache } from "@/lib/server/cache/read-cache";

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe("ReadCache", () => {
  it("serves a value until its TTL passes, then reads again", async () => {
    const time = clock();
    const cache = new ReadCache<number>({ ttlMs: 1_000, maxEntries: 10, now: time.now });
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.get("k", load)).toBe(1);
    time.advance(999);
    expect(await cache.get("k", load)).toBe(1);
    time.advance(1);
    expect(await cache.get("k", load)).toBe(2);
  });

  it("lets concurrent misses of one key share a single load", async () => {
    const cache = new ReadCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    let reads = 0;
    let release!: (v: string) => void;
    const load = () => {
      reads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const all = Promise.all([cache.get("k", load), cache.get("k", load), cache.get("k", load)]);
    release("v");
    expect(await all).toEqual(["v", "v", "v"]);
    expect(reads).toBe(1);
  });

  it("never keeps a failed load", async () => {
    const cache = new ReadCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    await expect(cache.get("k", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("k", async () => "recovered")).toBe("recovered");
  });

  it("reads again at once after an invalidation of that key or of all keys", async () => {
    const cache = new ReadCache<number>({ ttlMs: 60_000, maxEntries: 10 });
    let reads = 0;
    const load = async () => ++reads;
    await cache.get("a", load);
    await cache.get("b", load);
    cache.invalidate("a");
    expect(await cache.get("a", load)).toBe(3);
    expect(await cache.get("b", load)).toBe(2);
    cache.invalidate();
    expect(await cache.get("b", load)).toBe(4);
  });

  it("does not put back a load that was running when the key was invalidated", async () => {
    const cache = new ReadCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    let release!: (v: string) => void;
    const stale = cache.get("k", () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate("k");
    release("before the change");
    expect(await stale).toBe("before the change");
    expect(await cache.get("k", async () => "after the change")).toBe("after the change");
  });

  it("holds at most maxEntries, dropping the least recently loaded", async () => {
    const cache = new ReadCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    for (const key of ["a", "b", "c"]) await cache.get(key, async () => key);
    expect(cache.size).toBe(2);
    expect(await cache.get("a", async () => "a again")).toBe("a again");
    expect(await cache.get("c", async () => "c again")).toBe("c");
  });
});
