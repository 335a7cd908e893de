import type { Alerter } from "./alerter";

/**
 * The catalogue of alerts, each with the severity operators expect and a dedupe key that makes a recurring
 * condition one alert (with a repeat count) per window instead of a flood. Like `raise`, none of these rejects
 * when the alert cannot be stored (it is logged), so call them without try/catch from any hot path.
 */

/** High: the engine stopped trading an account (risk limit hit, stale data, ...). `reason` should be stable (a code). */
export function alertTradingHalted(alerter: Alerter, { accountId, reason, message }: { accountId: string; reason: string; message?: string }) {
  return alerter.raise({
    severity: "high",
    code: "trading_halted",
    title: `Trading halted on ${accountId}`,
    message: message ?? `Trading on account ${accountId} was halted: ${reason}.`,
    dedupeKey: `trading_halted:${accountId}:${reason}`,
    detail: { accountId, reason },
  });
}

/** High: the kill switch was engaged or released (by a person or automatically). */
export function alertKillSwitch(alerter: Alerter, { accountId, engaged, by, reason }: { accountId: string; engaged: boolean; by: string; reason?: string }) {
  const state = engaged ? "engaged" : "released";
  return alerter.raise({
    severity: "high",
    code: `kill_switch.${state}`,
    title: `Kill switch ${state} on ${accountId}`,
    message: `${by} ${state} the kill switch on account ${accountId}${reason ? `: ${reason}` : ""}.${engaged ? " No new orders are sent." : " Trading may resume."}`,
    dedupeKey: `kill_switch:${accountId}:${state}`,
    detail: { accountId, engaged, by, ...(reason ? { reason } : {}) },
  });
}

/** High: a component failed (database unreachable, engine crashed, a job failing every attempt). */
export function alertSystemFailure(alerter: Alerter, { component, error }: { component: string; error: unknown }) {
  const text = error instanceof Error ? error.message : String(error);
  return alerter.raise({
    severity: "high",
    code: "system_failure",
    title: `${component} failed`,
    message: text || "Unknown error",
    dedupeKey: `system_failure:${component}`,
    detail: { component, error: text },
  });
}

/** High: something security-relevant happened (account locked out, API key misuse, an admin role change). */
export function alertSecurityEvent(alerter: Alerter, { event, message, subject }: { event: string; message: string; subject?: string }) {
  return alerter.raise({
    severity: "high",
    code: "security_event",
    title: `Security event: ${event}`,
    message,
    dedupeKey: `security:${event}:${subject ?? ""}`,
    detail: { event, ...(subject ? { subject } : {}) },
  });
}

/** Medium: something got slow (order latency, tick lag, queue depth) past its threshold. */
export function alertPerformanceDegradation(alerter: Alerter, { metric, value, threshold, unit = "" }: { metric: string; value: number; threshold: number; unit?: string }) {
  return alerter.raise({
    severity: "medium",
    code: "performance_degradation",
    title: `Performance degraded: ${metric}`,
    message: `${metric} is ${value}${unit}, over the threshold of ${threshold}${unit}.`,
    dedupeKey: `performance:${metric}`,
    detail: { metric, value, threshold, unit },
  });
}

/** Medium: a live model's accuracy (hit rate) fell below its threshold. Fractions, e.g. 0.48 and 0.55. */
export function alertModelAccuracyDrop(alerter: Alerter, { model, accuracy, threshold }: { model: string; accuracy: number; threshold: number }) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return alerter.raise({
    severity: "medium",
    code: "model_accuracy_drop",
    title: `Model accuracy dropped: ${model}`,
    message: `${model} is right ${pct(accuracy)} of the time, below the threshold of ${pct(threshold)}.`,
    dedupeKey: `model_accuracy:${model}`,
    detail: { model, accuracy, threshold },
  });
}

/** Low: a rate limit (ours or a venue's) is being hit. */
export function alertRateLimitWarning(alerter: Alerter, { limit, message }: { limit: string; message: string }) {
  return alerter.raise({
    severity: "low",
    code: "rate_limit_warning",
    title: `Rate limit: ${limit}`,
    message,
    dedupeKey: `rate_limit:${limit}`,
    detail: { limit },
  });
}

/** Low: a disk is filling up. */
export function alertDiskSpace(alerter: Alerter, { path, freeBytes, totalBytes }: { path: string; freeBytes: number; totalBytes: number }) {
  const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  const freePct = totalBytes > 0 ? ` (${((freeBytes / totalBytes) * 100).toFixed(1)}%)` : "";
  return alerter.raise({
    severity: "low",
    code: "disk_space",
    title: `Disk space low: ${path}`,
    message: `${gib(freeBytes)} free of ${gib(totalBytes)}${freePct} on ${path}.`,
    dedupeKey: `disk_space:${path}`,
    detail: { path, freeBytes, totalBytes },
  });
}
