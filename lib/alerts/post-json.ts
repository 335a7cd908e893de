export type PostOutcome = { ok: true } | { ok: false; error: string; retryAfterMs?: number };

export interface PostOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** POSTs JSON; any network error, timeout or non-2xx answer is a failure to retry, never an exception. */
export async function postJson(url: string, body: unknown, { timeoutMs, headers, fetch: send = fetch }: PostOptions): Promise<PostOutcome> {
  try {
    const response = await send(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text().catch(() => "");
    if (response.ok) return { ok: true };
    return { ok: false, error: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`, retryAfterMs: retryAfterMs(response) };
  } catch (error) {
    return { ok: false, error: describeFailure(error, timeoutMs) };
  }
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${message} (${cause.code})` : message;
}
