/** A failed MLflow REST call: the HTTP status and MLflow's error_code (e.g. RESOURCE_DOES_NOT_EXIST) when it sent one. */
export class MlflowError extends Error {
  constructor(readonly endpoint: string, readonly status: number, readonly errorCode: string | undefined, detail: string) {
    super(`MLflow ${endpoint} failed: ${status}${errorCode ? ` ${errorCode}` : ""}${detail ? `: ${detail}` : ""}`);
    this.name = "MlflowError";
  }
}
