import "server-only";
import type { ActionResult } from "@/lib/api-types";
import { toApiError } from "./http";

/** Server actions never throw to the browser: every failure comes back with its code and message. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    const api = toApiError(error);
    return { ok: false, error: { code: api.code, message: api.message } };
  }
}
