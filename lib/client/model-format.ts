import { EMPTY } from "@/lib/client/format";

/** A score (accuracy, AUC, log loss, Sharpe) to three places; the server stores null where it had no number. */
export function formatScore(value: number | null): string {
  return value === null ? EMPTY : value.toFixed(3);
}

/** Registry times in UTC: "2024-01-02 13:00". */
export function formatModelTime(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
