import type { Bus } from "@/lib/bus/bus";

/** Published when a version's status changes, so the engine reloads its live ensembles at once, not at its next poll. */
export const MODELS_CHANGED_TOPIC = "models.changed";

export function announceModelsChanged(bus: Bus, versionId: string): Promise<void> {
  return bus.publish(MODELS_CHANGED_TOPIC, { versionId, at: Date.now() });
}
