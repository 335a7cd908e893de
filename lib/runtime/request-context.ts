import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line written while serving one request says about it. */
export interface RequestContext {
  requestId: string;
  /** Who is calling, once authenticated: the audit log's actor label. */
  actor?: string;
}

// Next.js bundles route handlers apart from the logger the launcher loaded: one store per process, on globalThis.
const KEY = Symbol.for("tradeforge.request-context");
const registry = globalThis as { [KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (registry[KEY] ??= new AsyncLocalStorage<RequestContext>());

export function runInRequest<T>(context: RequestContext, serve: () => Promise<T>): Promise<T> {
  return storage.run(context, serve);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Called once the caller is known; outside a request it does nothing. */
export function recordRequestActor(actor: string): void {
  const context = storage.getStore();
  if (context) context.actor = actor;
}
