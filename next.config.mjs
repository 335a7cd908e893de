// The proxy (proxy.ts) sets these and the per-request CSP on every page and file it sees. The same fixed headers here,
// applied by Next.js before the proxy runs, keep a response protected should the proxy ever be skipped or fail, and
// they are all the API gets: the proxy does not run for /api (see API_HEADERS).
// tests/unit/security/proxy.test.ts keeps this list equal to lib/server/security/security-headers.ts.
const STATIC_SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  // Without the proxy's nonce no script policy fits, so this fallback holds only what never breaks a page.
  "content-security-policy": "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

// JSON needs no script, style or nonce: nothing may load from an API response, and no page may frame it. Static
// headers cost Next.js next to nothing, while running the proxy cost the API a third of its throughput (README,
// "Benchmarks"). HSTS goes on when a TLS-terminating proxy forwarded the request, as the proxy does for pages.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
const HSTS = "max-age=31536000; includeSubDomains";
const headerList = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The container image builds the web part on its own (Dockerfile); locally `next start` serves the full build.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // `npm run typecheck` checks the whole repository (CI runs it first); checking again inside every build would
  // double the first start of `npm start` on a small machine.
  typescript: { ignoreBuildErrors: true },
  // Native and WASM packages are loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "ioredis", "postgres", "pino", "prom-client", "socket.io", "ws"],
  // The proxy buffers request bodies and would cut uploads at its 10 MB default; datasets may be 50 MB (checked
  // again in the route, which answers 413 beyond it).
  experimental: { proxyClientMaxBodySize: "51mb" },
  async headers() {
    // Later rules win for the same header: the API's CSP replaces the fallback.
    return [
      { source: "/:path*", headers: headerList(STATIC_SECURITY_HEADERS) },
      { source: "/api/:path*", headers: headerList({ "content-security-policy": API_CSP }) },
      { source: "/api/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https(,.*)?" }], headers: headerList({ "strict-transport-security": HSTS }) },
    ];
  },
};
export default nextConfig;
