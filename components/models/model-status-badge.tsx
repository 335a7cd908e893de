import type { ModelStatus } from "@/lib/ml/registry/model-status";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<ModelStatus, BadgeTone> = {
  candidate: "neutral",
  shadow: "info",
  production: "success",
  archived: "warning",
};

export function ModelStatusBadge({ status }: { status: ModelStatus }) {
  return (
    <Badge tone={TONE[status]} state={status} testId="model-status">
      {status}
    </Badge>
  );
}
