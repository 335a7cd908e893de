import { describe, expect, it } from "vitest";
import { intervalLabel } from "@/lib/domain/market-data";

describe("bar lengths as people write them", () => {
  it("names minute, hour and day bars, and any other length in the largest whole unit", () => {
    expect(intervalLabel(60_000)).toBe("1m");
    expect(intervalLabel(300_000)).toBe("5m");
    expect(intervalLabel(3_600_000)).toBe("1h");
    expect(intervalLabel(14_400_000)).toBe("4h");
    expect(intervalLabel(86_400_000)).toBe("1d");
    expect(intervalLabel(90_000)).toBe("90s");
    expect(intervalLabel(1_500)).toBe("1500ms");
  });
});
