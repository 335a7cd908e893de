/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM packages are loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "ioredis", "postgres", "pino", "socket.io", "ws"],
};
export default nextConfig;
