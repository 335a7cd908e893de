import { z } from "zod";
import { ALERT_SEVERITIES } from "./severity";

/** Long text is cut rather than refused: an alert about a huge error message must still be raised. */
const clipped = (max: number) =>
  z.string().trim().min(1).transform((s) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`));

/** What a caller raises; checked here because a malformed alert is a bug in the caller, not a runtime condition. */
export const alertInputSchema = z.object({
  severity: z.enum(ALERT_SEVERITIES),
  code: z.string().regex(/^[a-z0-9_.-]{1,80}$/, "lower-case letters, digits, '_', '.', '-' (at most 80)"),
  title: clipped(200),
  message: clipped(4000),
  /** Defaults to the code: one alert per kind per window. */
  dedupeKey: clipped(300).optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export type AlertInput = z.input<typeof alertInputSchema>;
export type ValidAlertInput = z.output<typeof alertInputSchema>;
