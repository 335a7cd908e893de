/** Runs once when a Next.js server starts: a split-mode web process validates its configuration before serving. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadConfigOrExit } = await import("@/lib/runtime/exit-on-config-error");
  loadConfigOrExit();
}
