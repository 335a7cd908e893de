/**
 * An indicator fed one input at a time: `update` returns the value once warm, null while warming up. Batch results
 * come from `runBatch` over a fresh instance, so a batch value and a streaming value are the same computation.
 */
export interface StreamingIndicator<I, O> {
  update(input: I): O | null;
}

export function runBatch<I, O>(indicator: StreamingIndicator<I, O>, inputs: readonly I[]): (O | null)[] {
  const out = new Array<O | null>(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = indicator.update(inputs[i]);
  return out;
}
