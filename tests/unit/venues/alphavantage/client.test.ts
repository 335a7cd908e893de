import { describe, expect, it } from "vitest";
import { AlphaVantageClient } from "@/lib/venues/alphavantage/client";
import { AlphaVantageFormatError, AlphaVantageNetworkError, AlphaVantageQuotaError, AlphaVantageRequestError } from "@/lib/venues/alphavantage/errors";
import { seriesRequest } from "@/lib/venues/alphavantage/series-request";
import { fakeFetch, INVALID_CALL, intradayBody, PREMIUM_INFORMATION, QUOTA_INFORMATION, QUOTA_NOTE } from "./fixtures";

const NOW = Date.UTC(2024, 7, 5, 14, 7, 30);
const IBM = seriesRequest("IBM", "5min");

function clientAnswering(answer: unknown) {
  const { fetch, urls } = fakeFetch(() => answer);
  return { client: new AlphaVantageClient({ apiKey: "SECRETKEY", url: "https://av.test/query", fetch, now: () => NOW }), urls };
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(() => { throw new Error("expected a rejection"); }, (error: Error) => error);
}

describe("AlphaVantageClient", () => {
  it("sends the documented query with the key and returns the series", async () => {
    const body = intradayBody("IBM", "5min", [["2024-08-05 10:00:00", "1", "1", "1", "1", "1"]]);
    const { client, urls } = clientAnswering(body);
    expect(await client.series(IBM)).toEqual(body);
    expect(Object.fromEntries(urls[0].searchParams)).toEqual({ function: "TIME_SERIES_INTRADAY", symbol: "IBM", interval: "5min", outputsize: "compact", apikey: "SECRETKEY" });
    expect(`${urls[0].origin}${urls[0].pathname}`).toBe("https://av.test/query");
  });

  it("maps an Error Message to a request error naming the symbol", async () => {
    const error = await errorOf(clientAnswering(INVALID_CALL).client.series(IBM));
    expect(error).toBeInstanceOf(AlphaVantageRequestError);
    expect(error.message).toBe(`Alpha Vantage refused the request for IBM (5min): ${INVALID_CALL["Error Message"]}`);
  });

  it("maps the older Note to a per-minute quota error that says when to retry", async () => {
    const error = await errorOf(clientAnswering(QUOTA_NOTE).client.series(IBM));
    expect(error).toBeInstanceOf(AlphaVantageQuotaError);
    expect(error).toMatchObject({ scope: "minute", retryAt: NOW + 60_000 });
    expect(error.message).toMatch(/^Alpha Vantage's per-minute call quota is used up; next try at 2024-08-05 14:08:30 UTC/);
  });

  it("maps the daily-limit Information to a daily quota error retried after midnight UTC", async () => {
    const error = await errorOf(clientAnswering(QUOTA_INFORMATION).client.series(IBM));
    expect(error).toBeInstanceOf(AlphaVantageQuotaError);
    expect(error).toMatchObject({ scope: "day", retryAt: Date.UTC(2024, 7, 6) });
    expect(error.message).toContain("daily call quota is used up; next try at 2024-08-06 00:00:00 UTC");
    expect(error.message).toContain("rate limit is 25 requests per day");
  });

  it("maps the premium-endpoint Information to a request error, not a quota to wait for", async () => {
    const error = await errorOf(clientAnswering(PREMIUM_INFORMATION).client.series(IBM));
    expect(error).toBeInstanceOf(AlphaVantageRequestError);
    expect(error.message).toContain("this function needs a premium plan");
  });

  it("reports an HTTP error and a body that is not JSON", async () => {
    const failing = new AlphaVantageClient({ apiKey: "k", url: "https://av.test/query", fetch: (async () => new Response("busy", { status: 503 })) as typeof fetch });
    expect(await errorOf(failing.series(IBM))).toEqual(new AlphaVantageNetworkError("Alpha Vantage answered HTTP 503 for IBM (5min)"));
    const html = new AlphaVantageClient({ apiKey: "k", url: "https://av.test/query", fetch: (async () => new Response("<html>", { status: 200 })) as typeof fetch });
    expect(await errorOf(html.series(IBM))).toEqual(new AlphaVantageFormatError("Alpha Vantage's answer for IBM (5min) is not JSON"));
  });

  it("reports an unreachable host with the reason underneath fetch's generic message", async () => {
    const refused = (async () => { throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") }); }) as typeof fetch;
    const client = new AlphaVantageClient({ apiKey: "SECRETKEY", url: "https://av.test/query", fetch: refused });
    const error = await errorOf(client.series(IBM));
    expect(error).toBeInstanceOf(AlphaVantageNetworkError);
    expect(error.message).toBe("Alpha Vantage could not be reached for IBM (5min): connect ECONNREFUSED 127.0.0.1:9");
  });

  it("gives up on a request that gets no answer", async () => {
    const silent = ((_url: unknown, init?: RequestInit) => new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)))) as typeof fetch;
    const client = new AlphaVantageClient({ apiKey: "k", url: "https://av.test/query", fetch: silent, timeoutMs: 1 });
    expect(await errorOf(client.series(IBM))).toEqual(new AlphaVantageNetworkError("Alpha Vantage could not be reached for IBM (5min): no answer within 1 ms"));
  });
});
