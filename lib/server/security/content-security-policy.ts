// No "server-only" import here or in the other security modules: proxy.ts bundles them, and they hold no secrets.

export interface CspOptions {
  /** Fresh per request; Next.js reads it back from the request's CSP header and puts it on its own scripts. */
  nonce: string;
  /** The Host the browser used, for the page's own WebSocket origin. Omitted when it is not a plain host[:port]. */
  host: string | null;
  /** The realtime gateway (NEXT_PUBLIC_REALTIME_URL) when it is a separate origin. */
  realtimeUrl?: string;
  /** React's development tooling evaluates code (server error stacks); production never does. */
  development: boolean;
  tls: boolean;
}

const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** 16 random bytes, base64: what the CSP nonce-source grammar and Next.js's nonce parser accept. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

/** The Host header when it can go into a header value as it is; anything else could inject CSP directives. */
export function safeHost(host: string | null | undefined): string | null {
  return host && HOST_PATTERN.test(host) ? host.toLowerCase() : null;
}

/** An http(s) origin plus the ws(s) origin Socket.IO and /ws/market dial on the same host. */
function withWebSocketOrigins(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return [];
  return [parsed.origin, `${parsed.protocol === "https:" ? "wss" : "ws"}://${parsed.host}`];
}

function connectSources(options: CspOptions): string[] {
  const sources = ["'self'"];
  // 'self' covers ws(s) of the same host in CSP3 browsers only; listing both schemes also covers a TLS-terminating
  // proxy that does not say it is one.
  if (options.host) sources.push(`ws://${options.host}`, `wss://${options.host}`);
  if (options.realtimeUrl) sources.push(...withWebSocketOrigins(options.realtimeUrl));
  return [...new Set(sources)];
}

/**
 * The page policy. Scripts run only with the per-request nonce; 'strict-dynamic' lets those scripts load the
 * app's chunks, so no host list is needed and 'self' is only the fallback for browsers without CSP3.
 */
export function buildContentSecurityPolicy(options: CspOptions): string {
  const script = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"];
  if (options.development) script.push("'unsafe-eval'");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...script],
    // lightweight-charts and recharts write style attributes at run time, which a nonce cannot cover. A nonce in
    // this list would also switch 'unsafe-inline' off, so there is none.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", ...connectSources(options)],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (options.tls) directives.push(["upgrade-insecure-requests"]);
  return directives.map((parts) => parts.join(" ")).join("; ");
}
