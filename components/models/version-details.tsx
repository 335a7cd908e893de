"use client";

import { useQuery } from "@tanstack/react-query";
import { modelVersionsQuery } from "@/lib/client/model-queries";
import { formatModelTime } from "@/lib/client/model-format";
import { CalibrationChart } from "./calibration-chart";
import { ConfusionMatrices } from "./confusion-matrices";
import { EnsembleMembers } from "./ensemble-members";
import { FeatureImportanceChart } from "./feature-importance-chart";
import { MetricsBesideBaselines } from "./metrics-beside-baselines";
import { ModelStatusBadge } from "./model-status-badge";

/** One version: what it was trained on, its metrics, confusion matrices and calibration beside the baselines, what drives it. */
export function VersionDetails({ versionId }: { versionId: string }) {
  const { data } = useQuery(modelVersionsQuery());
  const versions = data?.versions ?? [];
  const version = versions.find((v) => v.id === versionId);
  if (!version) return <p className="status-text">This version is no longer listed.</p>;
  const versionLabel = (id: string | null) => {
    const found = versions.find((v) => v.id === id);
    return found ? `${found.name} v${found.version}` : "—";
  };
  const importanceSource = version.importance?.fromVersionId === version.id ? "this Random Forest" : `its Random Forest member ${versionLabel(version.importance?.fromVersionId ?? null)}`;
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
      <ConfusionMatrices window={version.metrics.test} />
      <CalibrationChart window={version.metrics.test} />
      {version.members ? <EnsembleMembers members={version.members} versionLabel={versionLabel} /> : null}
      {version.importance ? <FeatureImportanceChart importance={version.importance} source={importanceSource} /> : null}
    </div>
  );
}
