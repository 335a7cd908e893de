/**
 * Tells a process manager that this process is ready: PM2 with `wait_ready` starts the next instance of a reload
 * (and stops the old one) only after this message. Without an IPC channel (started by hand, by Docker) it does nothing.
 */
export function announceReady(): void {
  process.send?.("ready");
}
