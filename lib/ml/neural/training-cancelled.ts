/** Thrown by a training loop that saw its AbortSignal between epochs (or episodes); completed says how many ran. */
export class TrainingCancelled extends Error {
  constructor(readonly completed: number) {
    super(`Training cancelled after ${completed} completed epochs or episodes`);
    this.name = "TrainingCancelled";
  }
}
