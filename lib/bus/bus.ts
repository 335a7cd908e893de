/** Commands (web -> worker) and events (worker -> gateways) travel over one bus; in-process or Redis. */
export type BusHandler = (message: unknown) => void;
export type Responder = (message: unknown) => Promise<unknown>;
export type Unsubscribe = () => Promise<void>;

export interface Bus {
  readonly kind: "memory" | "redis";
  publish(topic: string, message: unknown): Promise<void>;
  subscribe(topic: string, handler: BusHandler): Promise<Unsubscribe>;
  /** Sends a command to the one responder of a topic and waits for its answer. */
  request(topic: string, message: unknown, timeoutMs?: number): Promise<unknown>;
  respond(topic: string, responder: Responder): Promise<Unsubscribe>;
  ping(): Promise<number>;
  close(): Promise<void>;
}

export class BusTimeoutError extends Error {
  constructor(readonly topic: string, readonly timeoutMs: number) {
    super(`No answer on ${topic} within ${timeoutMs} ms (is the worker running?)`);
    this.name = "BusTimeoutError";
  }
}

/** A responder's failure, carried back to the requester with its code. */
export class BusRemoteError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "BusRemoteError";
  }
}

// The launcher and Next.js bundles load their own copies of this module, so classes are matched by name, not instanceof.
export function isBusTimeoutError(error: unknown): error is BusTimeoutError {
  return error instanceof Error && error.name === "BusTimeoutError";
}

export function isBusRemoteError(error: unknown): error is BusRemoteError {
  return error instanceof Error && error.name === "BusRemoteError" && typeof (error as BusRemoteError).code === "string";
}

export interface ReplyEnvelope {
  id: string;
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}

export function errorReply(id: string, error: unknown): ReplyEnvelope {
  const code = isBusRemoteError(error) ? error.code : "INTERNAL";
  const message = error instanceof Error ? error.message : String(error);
  return { id, ok: false, error: { code, message } };
}

export function unwrapReply(reply: ReplyEnvelope): unknown {
  if (reply.ok) return reply.result;
  throw new BusRemoteError(reply.error?.code ?? "INTERNAL", reply.error?.message ?? "remote error");
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
