import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** ../shared/data beside the repository; the data suite fails loudly when it is missing. */
export const SHARED_DATA_DIR = path.resolve(fileURLToPath(new URL("../../", import.meta.url)), "..", "shared", "data");

export function sharedDataPath(...parts: string[]): string {
  const file = path.join(SHARED_DATA_DIR, ...parts);
  if (!existsSync(file)) throw new Error(`Missing reference data ${file}: the data suite needs ../shared/data beside the repository`);
  return file;
}
