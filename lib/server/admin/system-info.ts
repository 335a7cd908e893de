import "server-only";
import nextPackage from "next/package.json";
import type { HealthResponse } from "@/lib/api-types";
import { isLiveMode, runMode } from "@/lib/config";
import packageJson from "@/package.json";
import { requireActor } from "../auth/require-actor";
import { checkHealth } from "../health";
import { maskedConfigRows, type ConfigRow } from "./masked-config";

export interface SystemInfo {
  health: HealthResponse;
  versions: { app: string; node: string; next: string };
  mode: "embedded" | "split";
  tradingMode: string;
  database: string;
  bus: string;
  startedAt: number;
  config: ConfigRow[];
}

/** The /admin/system page: health, versions, mode and the configuration with its secrets masked. */
export async function getSystemInfo(): Promise<SystemInfo> {
  const { ctx } = await requireActor("admin");
  return {
    health: await checkHealth(ctx),
    versions: { app: packageJson.version, node: process.version, next: nextPackage.version },
    mode: runMode(ctx.config),
    tradingMode: isLiveMode(ctx.config) ? "live" : "paper",
    database: ctx.database.driver,
    bus: ctx.bus.kind,
    startedAt: ctx.startedAt,
    config: maskedConfigRows(ctx.config),
  };
}
