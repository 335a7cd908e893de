import { describe, expect, it } from "vitest";
import { ResponseCache } from "@/lib/venues/alphavantage/cache";

const FIVE_MIN = 300_000;
const T = Date.UTC(2024, 7, 5, 14, 0);

describe("ResponseCache", () => {
  it("answers a repeated read inside the bar interval from memory", () => {
    const cache = new ResponseCache<string>(FIVE_MIN);
    cache.set("IBM", "answer", T + 10_000);
    expect(cache.get("IBM", T + 10_001)).toBe("answer");
    expect(cache.get("IBM", T + FIVE_MIN - 1)).toBe("answer");
  });

  it("asks again once the interval has ended, when a new bar may have closed", () => {
    const cache = new ResponseCache<string>(FIVE_MIN);
    cache.set("IBM", "answer", T + 10_000);
    expect(cache.get("IBM", T + FIVE_MIN)).toBeUndefined();
  });

  it("keeps requests apart by key", () => {
    const cache = new ResponseCache<string>(FIVE_MIN);
    cache.set("function=TIME_SERIES_INTRADAY&symbol=IBM", "ibm", T);
    expect(cache.get("function=FX_INTRADAY&from_symbol=EUR&to_symbol=USD", T)).toBeUndefined();
  });
});
