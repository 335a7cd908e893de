import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { ZodError, z } from "zod";
import { isBusRemoteError, isBusTimeoutError } from "@/lib/bus/bus";
import { logger } from "@/lib/logger";
import { observeHttp } from "@/lib/metrics/http";
import { isRequest, routeOfCall } from "@/lib/metrics/route-pattern";
import { runInRequest } from "@/lib/runtime/request-context";
import { ApiError, validationError } from "./api-error";
import { crossSiteRefusal } from "./security/cross-site-guard";

export function json<T>(body: T, status = 200, headers?: HeadersInit): NextResponse<T> {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function errorResponse(error: unknown, requestId?: string): NextResponse {
  const api = toApiError(error);
  if (api.status >= 500) logger("api").error({ err: error, requestId }, api.message);
  const retryAfter = (api.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  const headers = retryAfter ? { "retry-after": String(retryAfter) } : undefined;
  return json({ error: { code: api.code, message: api.message, ...(api.details ? { details: api.details } : {}) } }, api.status, headers);
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // A ZodError may come from the engine's copy of zod (embedded mode), so it is matched by name.
  if (error instanceof Error && error.name === "ZodError") return validationError(error as ZodError, "input");
  if (isBusTimeoutError(error)) return new ApiError(503, "ENGINE_UNAVAILABLE", error.message);
  if (isBusRemoteError(error)) {
    if (error.code === "NO_RESPONDER") return new ApiError(503, "ENGINE_UNAVAILABLE", error.message);
    if (error.code === "NOT_FOUND") return new ApiError(404, error.code, error.message);
    if (error.code === "INTERNAL") return new ApiError(500, "INTERNAL", "The engine failed to process the command");
    return new ApiError(422, error.code, error.message);
  }
  return new ApiError(500, "INTERNAL", "Internal server error");
}

/** Wraps a route handler so every failure becomes the documented JSON error. */
export function handler<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    const started = performance.now();
    const request = isRequest(args[0]) ? args[0] : undefined;
    const requestId = request?.headers.get("x-request-id")?.slice(0, 128) || randomUUID();
    return runInRequest({ requestId }, async () => {
      let response: Response;
      try {
        const refusal = request && crossSiteRefusal(request);
        response = refusal ? errorResponse(refusal, requestId) : await fn(...args);
      } catch (error) {
        response = errorResponse(error, requestId);
      }
      await recordRequest(args, request?.method ?? "GET", response.status, started);
      return withRequestId(response, requestId);
    });
  };
}

/**
 * One log line per request (its id and actor come from the request context) and the latency histogram. Never
 * fails the request: what cannot be recorded is logged and dropped.
 */
async function recordRequest(args: readonly unknown[], method: string, status: number, started: number): Promise<void> {
  try {
    const route = await routeOfCall(args);
    const seconds = (performance.now() - started) / 1000;
    observeHttp(route, method, status, seconds);
    logger("http").info({ method, route, status, ms: Math.round(seconds * 10_000) / 10 }, "request");
  } catch (error) {
    logger("api").warn({ err: error }, "HTTP request not recorded");
  }
}

/** Lets a caller quote the id that the server's log lines about this request carry. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set("x-request-id", requestId);
  } catch {
    // Immutable headers (a redirect or fetched response): the id is still in the logs.
  }
  return response;
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(params);
  if (!result.success) throw validationError(result.error, "query");
  return result.data;
}

export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError(400, "INVALID_JSON", "Request body must be valid JSON");
  }
  const result = schema.safeParse(body);
  if (!result.success) throw validationError(result.error, "body");
  return result.data;
}
