import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { RecordingFormatError } from "@/lib/market/replay/recording";

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Reads a recording as UTF-8, gunzipping when the content starts with the gzip magic bytes. */
export async function readRecordingText(file: string): Promise<string> {
  const bytes = await readFile(file);
  if (isGzip(bytes)) {
    try {
      return gunzipSync(bytes).toString("utf8");
    } catch (error) {
      throw new RecordingFormatError(file, null, `corrupt gzip data (${(error as Error).message})`);
    }
  }
  if (file.endsWith(".gz")) throw new RecordingFormatError(file, null, "named .gz but is not gzip data");
  return bytes.toString("utf8");
}

export function parseJsonRecording(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RecordingFormatError(source, null, `invalid JSON (${(error as Error).message})`);
  }
}
