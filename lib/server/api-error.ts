import type { ZodError } from "zod";

/** An error with an HTTP status and a stable code, rendered as { error: { code, message } }. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = "ApiError";
  }
}

export function validationError(error: ZodError, where: string): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = issues[0];
  const message = first ? `Invalid ${where}: ${first.path || "(root)"}: ${first.message}` : `Invalid ${where}`;
  return new ApiError(400, "VALIDATION_ERROR", message, issues);
}

export const notFound = (what: string) => new ApiError(404, "NOT_FOUND", `${what} not found`);
