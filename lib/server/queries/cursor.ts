import { ApiError } from "../api-error";

/** Opaque keyset cursor: the (time, id) of the last row of the previous page. */
export interface Cursor {
  ts: number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString()) as Cursor;
    if (typeof parsed.ts === "number" && typeof parsed.id === "string") return parsed;
  } catch {
    // Fall through to the error below.
  }
  throw new ApiError(400, "INVALID_CURSOR", "cursor is not one this API returned");
}
