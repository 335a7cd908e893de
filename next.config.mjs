/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks the whole repository (CI runs it first); checking again inside every build would
  // double the first start of `npm start` on a small machine.
  typescript: { ignoreBuildErrors: true },
  // Native and WASM packages are loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "ioredis", "postgres", "pino", "socket.io", "ws"],
};
export default nextConfig;
