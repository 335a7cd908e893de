// Vitest runs server modules directly; the real "server-only" guard only matters inside the Next.js bundler.
export {};
