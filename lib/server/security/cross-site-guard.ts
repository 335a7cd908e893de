import "server-only";
import { getConfig } from "@/lib/config";
import { logger } from "@/lib/logger";
import { ApiError } from "../api-error";
import { checkRequestOrigin, isStateChanging, needsOriginCheck } from "./origin-check";

/**
 * The refusal of a cookie-authenticated API mutation sent from another origin, or undefined. Route handlers run it
 * before anything else: the proxy does not run for /api, and an authorization check never belonged in it anyway.
 */
export function crossSiteRefusal(request: Request): ApiError | undefined {
  // Reads never need the check: no URL is parsed for them on this hot path.
  if (!isStateChanging(request.method)) return undefined;
  const { pathname } = new URL(request.url);
  if (!needsOriginCheck({ method: request.method, pathname, authorization: request.headers.get("authorization") })) return undefined;
  const verdict = checkRequestOrigin(
    { origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site"), referer: request.headers.get("referer") },
    { hosts: [request.headers.get("host"), request.headers.get("x-forwarded-host")], trustedOrigins: [getConfig().PUBLIC_URL] },
  );
  if (verdict.ok) return undefined;
  logger("security").warn({ method: request.method, path: pathname, reason: verdict.reason }, "cross-site request refused");
  return new ApiError(403, "CSRF_REJECTED", `Cross-site request refused: ${verdict.reason}`);
}
