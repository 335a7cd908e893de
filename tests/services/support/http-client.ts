export interface JsonResponse<T> {
  status: number;
  body: T;
}

/**
 * A small HTTP client for one web process. Every request carries this client's own forwarded address, so the
 * per-client order rate limit (shared in Redis) never counts other test runs against it.
 */
export class HttpClient {
  private readonly clientAddress = `198.51.100.${1 + Math.floor(Math.random() * 250)}-${process.pid}-${Date.now()}`;

  /** apiKey: sent as `Authorization: Bearer`, as programs do. */
  constructor(readonly baseUrl: string, private readonly apiKey?: string) {}

  get<T>(path: string): Promise<JsonResponse<T>> {
    return this.request<T>("GET", path);
  }

  post<T>(path: string, body: unknown): Promise<JsonResponse<T>> {
    return this.request<T>("POST", path, body);
  }

  delete<T>(path: string): Promise<JsonResponse<T>> {
    return this.request<T>("DELETE", path);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
    const headers: Record<string, string> = { "x-forwarded-for": this.clientAddress, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path}: ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
    }
    return { status: response.status, body: parsed as T };
  }
}
