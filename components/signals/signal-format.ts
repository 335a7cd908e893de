import type { Direction } from "@/lib/ml/labels";

export const DIRECTION_NAMES: Record<Direction, string> = { [-1]: "down", 0: "flat", 1: "up" };

export const formatConfidence = (confidence: number) => `${Math.round(confidence * 100)}%`;

/** "8 s ago", "3 min ago", "2 h ago": how stale the call is. */
export function formatAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}
