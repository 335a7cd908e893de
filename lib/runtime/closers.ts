type Closer = { name: string; close: () => Promise<void> };

// Next.js bundles route handlers apart from instrumentation, so module state is not shared between them; globalThis is.
const KEY = Symbol.for("tradeforge.closers");
type Registry = { [KEY]?: Closer[] };
const registry = globalThis as Registry;

/**
 * Registers a connection a process opened on first use (a web process's rate-limit Redis client, its job producer),
 * so its shutdown closes it after the last request instead of leaving it to the exit.
 */
export function closeOnShutdown(name: string, close: () => Promise<void>): void {
  (registry[KEY] ??= []).push({ name, close });
}

/** Closes everything registered, newest first; a failure is reported and does not stop the others. */
export async function closeRegistered(onError: (name: string, error: unknown) => void): Promise<string[]> {
  const closers = (registry[KEY] ?? []).splice(0).reverse();
  for (const closer of closers) {
    await closer.close().catch((error: unknown) => onError(closer.name, error));
  }
  return closers.map((c) => c.name);
}
