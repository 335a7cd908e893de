import { statfs } from "node:fs/promises";
import { alertDiskSpace, type Alerter } from "@/lib/alerts";
import { setDiskFreeRatio } from "@/lib/metrics";

/** Below this share of free space on the data volume, operators hear about it (low severity: act this week). */
const MIN_FREE_FRACTION = 0.1;

/** The free share of the volume holding `path`; raises a low alert when it is under 10 %. */
export async function checkDiskSpace(path: string, alerter?: Alerter): Promise<{ freeFraction: number }> {
  // The data directory may not exist yet (in-memory database): the working directory's volume stands in.
  const stats = await statfs(path).catch(() => statfs("."));
  const totalBytes = stats.blocks * stats.bsize;
  const freeBytes = stats.bavail * stats.bsize;
  const freeFraction = totalBytes > 0 ? freeBytes / totalBytes : 1;
  setDiskFreeRatio(freeFraction);
  if (alerter && freeFraction < MIN_FREE_FRACTION) void alertDiskSpace(alerter, { path, freeBytes, totalBytes });
  return { freeFraction };
}
