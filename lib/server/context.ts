import "server-only";
import { getConfig } from "@/lib/config";
import { createServices, getServices, type Services } from "@/lib/runtime/services";

export type ServerContext = Services;

/** Embedded mode: what the launcher registered. Split-mode web: built on first use from validated config. */
export function getServerContext(): Promise<ServerContext> {
  return getServices(() => createServices(getConfig()));
}
