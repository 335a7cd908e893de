export type PathFault = { kind: "delay"; ms: number } | { kind: "acceptThenDrop" } | { kind: "dropBeforeProcessing" };

/** One-shot fault switches the tests arm; each fires on the next matching request and is then gone. */
export class FakeFaults {
  private readonly byPath = new Map<string, PathFault[]>();
  forbiddenLeft = 0;
  tooManyVisitsLeft = 0;

  arm(path: string, fault: PathFault): void {
    this.byPath.set(path, [...(this.byPath.get(path) ?? []), fault]);
  }

  /** The next armed fault of this kind for the path, consumed. */
  take<K extends PathFault["kind"]>(path: string, kind: K): Extract<PathFault, { kind: K }> | null {
    const faults = this.byPath.get(path) ?? [];
    const index = faults.findIndex((f) => f.kind === kind);
    if (index < 0) return null;
    const [fault] = faults.splice(index, 1);
    return fault as Extract<PathFault, { kind: K }>;
  }

  takeForbidden(): boolean {
    if (this.forbiddenLeft <= 0) return false;
    this.forbiddenLeft -= 1;
    return true;
  }

  takeTooManyVisits(): boolean {
    if (this.tooManyVisitsLeft <= 0) return false;
    this.tooManyVisitsLeft -= 1;
    return true;
  }
}
