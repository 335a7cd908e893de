import { CronExpressionParser } from "cron-parser";

/** How often a schedule fires: a fixed period, or a cron expression evaluated in UTC. */
export type Cadence = { everyMs: number } | { cron: string };

export class InvalidCron extends Error {
  constructor(readonly variable: string, value: string, reason: string) {
    super(`${variable}: "${value}" is not a valid cron expression (${reason}); use five fields in UTC like "0 3 * * 0", or "off"`);
    this.name = "InvalidCron";
  }
}

/** Five fields (minute hour day-of-month month day-of-week), an optional leading seconds field, or an @alias. */
function checkCron(variable: string, expression: string): void {
  const fields = expression.trim().split(/\s+/);
  if (!expression.trim().startsWith("@") && (fields.length < 5 || fields.length > 6)) {
    throw new InvalidCron(variable, expression, `expected 5 fields, got ${fields.length}`);
  }
  try {
    CronExpressionParser.parse(expression, { tz: "UTC" });
  } catch (error) {
    throw new InvalidCron(variable, expression, error instanceof Error ? error.message : String(error));
  }
}

/** The cadence a config variable asks for; undefined when it says "off". Throws InvalidCron naming the variable. */
export function cronCadence(variable: string, expression: string): Cadence | undefined {
  if (expression.trim().toLowerCase() === "off") return undefined;
  checkCron(variable, expression);
  return { cron: expression.trim() };
}

/** The first time strictly after `from` the cadence fires. Periodic cadences fire on multiples of the period (as BullMQ's `every`). */
export function nextFireTime(cadence: Cadence, from: number): number {
  if ("everyMs" in cadence) return (Math.floor(from / cadence.everyMs) + 1) * cadence.everyMs;
  return CronExpressionParser.parse(cadence.cron, { tz: "UTC", currentDate: new Date(from) }).next().getTime();
}

/** The last time at or before `at` the cadence fired: the slot a run belongs to, so a rerun in the same slot is recognised. */
export function currentSlot(cadence: Cadence, at: number): number {
  if ("everyMs" in cadence) return Math.floor(at / cadence.everyMs) * cadence.everyMs;
  return CronExpressionParser.parse(cadence.cron, { tz: "UTC", currentDate: new Date(at + 1) }).prev().getTime();
}

export function describeCadence(cadence: Cadence | undefined): string {
  if (!cadence) return "off";
  if ("cron" in cadence) return `cron ${cadence.cron} (UTC)`;
  const minutes = cadence.everyMs / 60_000;
  if (minutes >= 60 && minutes % 60 === 0) return minutes === 60 ? "every hour" : `every ${minutes / 60} hours`;
  if (minutes >= 1 && Number.isInteger(minutes)) return minutes === 1 ? "every minute" : `every ${minutes} minutes`;
  return `every ${cadence.everyMs / 1000} s`;
}
