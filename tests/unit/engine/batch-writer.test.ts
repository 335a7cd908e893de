import { describe, expect, it } from "vitest";
import { BatchWriter } from "@/lib/engine/persistence/batch-writer";

function writer(options: { batchSize?: number; maxBuffered?: number; failWhile?: () => boolean } = {}) {
  const batches: number[][] = [];
  const w = new BatchWriter<number>({
    name: "test",
    batchSize: options.batchSize ?? 3,
    flushMs: 20,
    maxBuffered: options.maxBuffered ?? 1_000,
    write: async (batch) => {
      if (options.failWhile?.()) throw new Error("database is slow");
      batches.push([...batch]);
    },
  });
  return { w, batches };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("batched tick writer", () => {
  it("writes multi-row batches when the batch is full, and the rest on the timer", async () => {
    const { w, batches } = writer();
    w.start();
    w.push(1);
    w.push(2);
    await tick();
    expect(batches).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(batches).toEqual([[1, 2]]);
    for (const n of [3, 4, 5, 6, 7]) w.push(n);
    await tick();
    expect(batches.slice(1)).toEqual([[3, 4, 5], [6, 7]]);
    await w.close();
  });

  it("keeps rows while the database fails and writes them all once it is back, in order", async () => {
    let down = true;
    const { w, batches } = writer({ failWhile: () => down });
    for (let n = 1; n <= 7; n++) w.push(n);
    await w.flush();
    expect(batches).toEqual([]);
    expect(w.getStats()).toMatchObject({ buffered: 7, failures: 1 });
    down = false;
    await w.close();
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(w.getStats()).toMatchObject({ buffered: 0, written: 7, dropped: 0 });
  });

  it("never blocks the feed: past the bound it drops the oldest rows and counts them", async () => {
    const { w, batches } = writer({ batchSize: 100, maxBuffered: 5, failWhile: () => true });
    for (let n = 1; n <= 8; n++) w.push(n);
    expect(w.getStats()).toMatchObject({ buffered: 5, dropped: 3 });
    expect(batches).toEqual([]);
  });

  it("flushes everything on close", async () => {
    const { w, batches } = writer({ batchSize: 1_000 });
    for (let n = 1; n <= 10; n++) w.push(n);
    await w.close();
    expect(batches.flat()).toHaveLength(10);
  });
});
