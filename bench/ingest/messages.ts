import type { Instrument } from "@/lib/domain/instrument";
import { createSimGenerator } from "@/lib/market/sim-generator";
import { simInstrumentsFor } from "@/lib/market/sim-instruments";

export interface MessageSetOptions {
  count: number;
  seed: number;
  /** Sets how much simulated time the set spans, hence how many bars close. */
  meanTicksPerSecond: number;
  instruments: readonly Instrument[];
}

export interface MessageSet {
  messages: string[];
  /** Exchange time covered from first to last tick, in seconds. */
  simulatedSeconds: number;
}

// A fixed origin keeps the messages, and so the fills, identical from run to run.
const START_TIME = Date.UTC(2024, 0, 1);

/** Deterministic sim ticks serialized as JSON, the way a feed message would arrive. */
export function generateMessages(options: MessageSetOptions): MessageSet {
  const generator = createSimGenerator({
    seed: options.seed,
    instruments: simInstrumentsFor(options.instruments),
    startTime: START_TIME,
    meanTicksPerSecond: options.meanTicksPerSecond,
  });
  const messages = new Array<string>(options.count);
  let firstTs = 0;
  let lastTs = 0;
  for (let i = 0; i < options.count; i++) {
    const tick = generator.next();
    if (i === 0) firstTs = tick.ts;
    lastTs = tick.ts;
    messages[i] = JSON.stringify(tick);
  }
  return { messages, simulatedSeconds: (lastTs - firstTs) / 1_000 };
}
