/**
 * Runs once when a Next.js server starts. A split-mode web process validates its configuration before serving,
 * connects its services and takes over graceful shutdown (lib/runtime/web-process.ts). Embedded mode's launcher
 * owns its server and its shutdown.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadConfigOrExit } = await import("@/lib/runtime/exit-on-config-error");
  const config = loadConfigOrExit();
  const { runMode } = await import("@/lib/config");
  if (runMode(config) !== "split") return;
  const { startWebProcess } = await import("@/lib/runtime/web-process");
  // Next.js's own switch: when set at all, `next start` installs no SIGINT/SIGTERM handler.
  await startWebProcess(config, Boolean(process.env.NEXT_MANUAL_SIG_HANDLE));
}
