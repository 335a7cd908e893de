import { ApiRequestError, isApiError } from "@/lib/client/api-client";

/** One line per zod issue the server sent back, so a refused request says which field is wrong. */
function detailsText(details: unknown): string {
  if (!Array.isArray(details)) return "";
  const lines = details.flatMap((issue: unknown) => {
    if (typeof issue !== "object" || issue === null || !("message" in issue)) return [];
    const { message, path } = issue as { message: unknown; path?: unknown };
    const where = Array.isArray(path) && path.length > 0 ? `${path.join(".")}: ` : "";
    return [`${where}${String(message)}`];
  });
  return lines.length > 0 ? ` (${lines.join("; ")})` : "";
}

async function send<T>(path: string, init: { method: string; headers?: Record<string, string>; body?: BodyInit }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: "application/json", ...init.headers },
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch (cause) {
    throw new ApiRequestError(0, "NETWORK_ERROR", cause instanceof Error ? cause.message : "Network error");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isApiError(body)) throw new ApiRequestError(response.status, body.error.code, body.error.message + detailsText(body.error.details));
    throw new ApiRequestError(response.status, `HTTP_${response.status}`, response.statusText || "Request failed");
  }
  return body as T;
}

/** POST/PATCH/DELETE with an optional JSON body; errors carry the server's code and message. */
export function sendJson<T>(path: string, method: "POST" | "PATCH" | "DELETE", json?: unknown): Promise<T> {
  return json === undefined
    ? send<T>(path, { method })
    : send<T>(path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(json) });
}

/** multipart/form-data POST; the browser sets the boundary header itself. */
export function sendForm<T>(path: string, form: FormData): Promise<T> {
  return send<T>(path, { method: "POST", body: form });
}
