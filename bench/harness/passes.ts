/** Anything that consumes feed messages one at a time. */
export interface MessageHandler {
  handle(message: string): void;
}

/** Wall time of one untimed pass over all messages, as messages per second. */
export function throughputPass(handler: MessageHandler, messages: readonly string[]): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < messages.length; i++) handler.handle(messages[i]);
  const elapsedNs = Number(process.hrtime.bigint() - start);
  return messages.length / (elapsedNs / 1e9);
}

/** Duration of every call in nanoseconds; the timer calls themselves are included (see timerOverhead). */
export function latencyPass(handler: MessageHandler, messages: readonly string[]): Float64Array {
  const durations = new Float64Array(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const start = process.hrtime.bigint();
    handler.handle(messages[i]);
    durations[i] = Number(process.hrtime.bigint() - start);
  }
  return durations;
}
