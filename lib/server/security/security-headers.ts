/** The headers every response carries besides the CSP; next.config.mjs repeats them for what the proxy skips. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // frame-ancestors 'none' in the CSP is the modern form; this covers browsers that predate it.
  "x-frame-options": "DENY",
  // Only features Chromium recognises: an unknown one is logged as a console error on every page.
  "permissions-policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/**
 * Whether the browser reached us over TLS: a TLS-terminating proxy says so in x-forwarded-proto, or the deployment
 * says so in PUBLIC_URL. HSTS sent over plain HTTP is ignored by browsers, so a spoofed header gains nothing.
 */
export function requestIsTls(params: { forwardedProto: string | null; urlProtocol: string; publicUrl?: string }): boolean {
  const forwarded = params.forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || params.urlProtocol === "https:" || (params.publicUrl?.startsWith("https://") ?? false);
}

/** Every security header of one response, CSP included. */
export function securityHeaders(params: { csp: string; tls: boolean }): Record<string, string> {
  const headers: Record<string, string> = { ...STATIC_SECURITY_HEADERS, "content-security-policy": params.csp };
  if (params.tls) headers["strict-transport-security"] = HSTS_VALUE;
  return headers;
}
