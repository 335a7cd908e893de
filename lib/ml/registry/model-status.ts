import { z } from "zod";

export const MODEL_STATUSES = ["candidate", "shadow", "production", "archived"] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** What an admin may move a version to; a version is only ever created as a candidate. */
export const promotionSchema = z.object({ status: z.enum(["shadow", "production", "archived"]) }).strict();
export type PromotionTarget = z.infer<typeof promotionSchema>["status"];

/** Versions older than this are flagged expired (retrain them); the caller may pass its own age. */
export const DEFAULT_MAX_MODEL_AGE_MS = 30 * 24 * 3_600_000;

export function isExpired(createdAt: Date, now: number, maxAgeMs = DEFAULT_MAX_MODEL_AGE_MS): boolean {
  return now - createdAt.getTime() > maxAgeMs;
}
