/**
 * The windows an LSTM reads: for every row t from length-1 on, rows t-length+1..t (oldest first). Window i ends at
 * row i + length - 1, so its label is the label of that row.
 */
export function sequenceWindows(rows: readonly (readonly number[])[], length: number): number[][][] {
  if (!(Number.isInteger(length) && length > 0)) throw new RangeError(`window length must be a positive integer, got ${length}`);
  const windows: number[][][] = [];
  for (let end = length - 1; end < rows.length; end++) {
    windows.push(rows.slice(end - length + 1, end + 1).map((row) => [...row]));
  }
  return windows;
}
