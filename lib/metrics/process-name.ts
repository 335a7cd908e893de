import path from "node:path";

export type ProcessName = "web" | "worker" | "realtime" | "jobs" | "embedded";

const BY_ENTRY: Record<string, ProcessName> = { embedded: "embedded", engine: "worker", realtime: "realtime", jobs: "jobs" };

/** Which TradeForge process this is, from its entry script (workers/<name>.ts); anything else (next start) is the web. */
export function processName(entry = process.argv[1] ?? ""): ProcessName {
  return BY_ENTRY[path.basename(entry).replace(/\.[cm]?[jt]s$/, "")] ?? "web";
}
