import { Badge } from "@/components/ui/badge";
import { STATUS_TONE } from "./jobs-format";

export function JobsStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={STATUS_TONE[status] ?? "neutral"} state={status} testId="job-status">
      {status}
    </Badge>
  );
}
