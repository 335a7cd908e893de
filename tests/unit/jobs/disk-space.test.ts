import { describe, expect, it } from "vitest";
import type { AlertInput, Alerter } from "@/lib/alerts";
import { checkDiskSpace } from "@/lib/jobs/disk-space";

describe("disk space check", () => {
  it("reads the free share of the volume and stays quiet while it is above 10 %", async () => {
    const raised: AlertInput[] = [];
    const { freeFraction } = await checkDiskSpace(".", { raise: async (a: AlertInput) => void raised.push(a) } as unknown as Alerter);
    expect(freeFraction).toBeGreaterThan(0);
    expect(freeFraction).toBeLessThanOrEqual(1);
    expect(raised).toHaveLength(freeFraction < 0.1 ? 1 : 0);
  });
});
