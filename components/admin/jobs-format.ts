import type { BadgeTone } from "@/components/ui/badge";

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

export const STATUS_TONE: Record<string, BadgeTone> = { running: "info", succeeded: "success", failed: "danger" };

/** The result summary on one line; long ones are cut (the full JSON is in the title). */
export function resultText(result: unknown): string {
  if (result === null || result === undefined) return "";
  const text = JSON.stringify(result);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
