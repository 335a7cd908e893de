import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { RecordingFormatError } from "@/lib/market/replay/recording";

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Reads a recording as UTF-8, gunzipping when the content starts with the gzip magic bytes. */
export async function readRecordingText(file: string): Promise<string> {
  return decodeRecordingBytes(await readFile(file), file);
}

/**
 * The text of a recording's bytes (an upload, a file), gunzipped when they start with the gzip magic bytes.
 * `maxBytes` bounds what gzip may expand to, so a small upload cannot inflate into gigabytes.
 */
export function decodeRecordingBytes(bytes: Uint8Array, source: string, maxBytes?: number): string {
  if (isGzip(bytes)) {
    try {
      return gunzipSync(bytes, maxBytes === undefined ? undefined : { maxOutputLength: maxBytes }).toString("utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new RecordingFormatError(source, null, `decompresses to more than ${Math.round(maxBytes! / 1e6)} MB`);
      }
      throw new RecordingFormatError(source, null, `corrupt gzip data (${(error as Error).message})`);
    }
  }
  if (source.endsWith(".gz")) throw new RecordingFormatError(source, null, "named .gz but is not gzip data");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

export function parseJsonRecording(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RecordingFormatError(source, null, `invalid JSON (${(error as Error).message})`);
  }
}
