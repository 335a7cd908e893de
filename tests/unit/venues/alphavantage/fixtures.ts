/** Alpha Vantage answers in their documented shapes, for the unit and integration tests. */

type StockPoint = [time: string, open: string, high: string, low: string, close: string, volume: string];
type FxPoint = [time: string, open: string, high: string, low: string, close: string];

export function intradayBody(symbol: string, interval: string, points: StockPoint[]) {
  return {
    "Meta Data": {
      "1. Information": `Intraday (${interval}) open, high, low, close prices and volume`,
      "2. Symbol": symbol,
      "3. Last Refreshed": points[0]?.[0] ?? "",
      "4. Interval": interval,
      "5. Output Size": "Compact",
      "6. Time Zone": "US/Eastern",
    },
    // Newest first, as Alpha Vantage sends them.
    [`Time Series (${interval})`]: Object.fromEntries(points.map(([time, open, high, low, close, volume]) => [
      time, { "1. open": open, "2. high": high, "3. low": low, "4. close": close, "5. volume": volume },
    ])),
  };
}

export function fxBody(from: string, to: string, interval: string, points: FxPoint[]) {
  return {
    "Meta Data": {
      "1. Information": `FX Intraday (${interval}) Time Series`,
      "2. From Symbol": from,
      "3. To Symbol": to,
      "4. Last Refreshed": points[0]?.[0] ?? "",
      "5. Interval": interval,
      "6. Output Size": "Compact",
      "7. Time Zone": "UTC",
    },
    [`Time Series FX (${interval})`]: Object.fromEntries(points.map(([time, open, high, low, close]) => [
      time, { "1. open": open, "2. high": high, "3. low": low, "4. close": close },
    ])),
  };
}

export const QUOTA_NOTE = {
  Note: "Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.",
};

export const QUOTA_INFORMATION = {
  Information: "We have detected your API key as TESTKEY and our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.",
};

export const PREMIUM_INFORMATION = {
  Information: "Thank you for using Alpha Vantage! This is a premium endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium endpoints",
};

export const INVALID_CALL = {
  "Error Message": "Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_INTRADAY.",
};

/** A fetch that answers every request with `answer(url)` as JSON, HTTP 200, and records the URLs asked for. */
export function fakeFetch(answer: (url: URL) => unknown) {
  const urls: URL[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    urls.push(url);
    return new Response(JSON.stringify(answer(url)), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  return { fetch, urls };
}
