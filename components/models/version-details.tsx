"use client";

import { useQuery } from "@tanstack/react-query";
import { modelVersionsQuery } from "@/lib/client/model-queries";
import { formatModelTime } from "@/lib/client/model-format";
import { MetricsBesideBaselines } from "./metrics-beside-baselines";
import { ModelStatusBadge } from "./model-status-badge";

/** One version: what it was trained on, and its test and validation metrics beside the baselines. */
export function VersionDetails({ versionId }: { versionId: string }) {
  const { data } = useQuery(modelVersionsQuery());
  const version = data?.versions.find((v) => v.id === versionId);
  if (!version) return <p className="status-text">This version is no longer listed.</p>;
  return (
    <div className="version-details" data-testid="version-details" data-kind={version.kind}>
      <p className="version-summary">
        <strong>
          {version.name} v{version.version}
        </strong>{" "}
        <ModelStatusBadge status={version.status} /> · {version.kind} · {version.symbol} {version.interval} · data {formatModelTime(version.dataFrom)} to{" "}
        {formatModelTime(version.dataTo)} · features {version.featureSetVersion} · trained in {(version.durationMs / 1000).toFixed(1)} s
      </p>
      <MetricsBesideBaselines title="Test" window={version.metrics.test} />
      <MetricsBesideBaselines title="Validation" window={version.metrics.validation} />
    </div>
  );
}
