import { errorInBody } from "./error-shapes";
import { AlphaVantageFormatError, AlphaVantageNetworkError } from "./errors";
import type { SeriesRequest } from "./series-request";

export interface AlphaVantageClientOptions {
  apiKey: string;
  /** The query endpoint, e.g. https://www.alphavantage.co/query. */
  url: string;
  /** Default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

function describe(request: SeriesRequest): string {
  return `${request.symbol} (${request.interval})`;
}

/** One GET against Alpha Vantage's query endpoint; answers that are errors in disguise (HTTP 200) become typed errors. */
export class AlphaVantageClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: AlphaVantageClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
  }

  /** The series' JSON body. Throws AlphaVantageQuotaError, AlphaVantageRequestError, AlphaVantageNetworkError or AlphaVantageFormatError. */
  async series(request: SeriesRequest, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const body = await this.getJson(request, signal);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AlphaVantageFormatError(`Alpha Vantage sent no JSON object for ${describe(request)}`);
    const error = errorInBody(body as Record<string, unknown>, describe(request), this.now());
    if (error) throw error;
    return body as Record<string, unknown>;
  }

  private queryUrl(request: SeriesRequest): URL {
    const url = new URL(this.options.url);
    for (const [name, value] of Object.entries(request.params)) url.searchParams.set(name, value);
    url.searchParams.set("apikey", this.options.apiKey);
    return url;
  }

  private async getJson(request: SeriesRequest, signal?: AbortSignal): Promise<unknown> {
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(this.queryUrl(request), { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, headers: { accept: "application/json" } });
    } catch (error) {
      if (signal?.aborted) throw error;
      // The message never carries the URL: it holds the API key.
      const reason = timeout.aborted ? `no answer within ${duration(timeoutMs)}` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new AlphaVantageNetworkError(`Alpha Vantage could not be reached for ${describe(request)}: ${reason}`);
    }
    if (!response.ok) throw new AlphaVantageNetworkError(`Alpha Vantage answered HTTP ${response.status} for ${describe(request)}`);
    try {
      return await response.json();
    } catch (error) {
      if (signal?.aborted) throw error;
      if (timeout.aborted) throw new AlphaVantageNetworkError(`Alpha Vantage's answer for ${describe(request)} did not arrive within ${duration(timeoutMs)}`);
      throw new AlphaVantageFormatError(`Alpha Vantage's answer for ${describe(request)} is not JSON`);
    }
  }
}
