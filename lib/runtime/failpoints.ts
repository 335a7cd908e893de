/**
 * Crash points for the kill tests: armed from FAILPOINTS ("name:n"), `failpoint(name)` SIGKILLs the process the
 * n-th time it is passed, so a test can stop the engine at exactly the step it wants to prove safe. Unarmed
 * (always, outside those tests) it does nothing.
 */
const armed = new Map<string, number>();

export function armFailpoints(spec: string): void {
  armed.clear();
  for (const entry of spec.split(",").filter(Boolean)) {
    const [name, count] = entry.split(":");
    armed.set(name!, Number(count));
  }
}

export function failpoint(name: string): void {
  const left = armed.get(name);
  if (left === undefined) return;
  if (left > 1) {
    armed.set(name, left - 1);
    return;
  }
  process.kill(process.pid, "SIGKILL");
}
