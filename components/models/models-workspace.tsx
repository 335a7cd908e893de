"use client";

import { useState } from "react";
import { Panel } from "@/components/ui/panel";
import { TrainForm } from "./train-form";
import { TrainingProgress } from "./training-progress";
import { VersionDetails } from "./version-details";
import { VersionsTable } from "./versions-table";

interface ModelsWorkspaceProps {
  canTrain: boolean;
  canPromote: boolean;
}

/** The models page: train a set of models, follow the run, list the registry's versions, open one. */
export function ModelsWorkspace({ canTrain, canPromote }: ModelsWorkspaceProps) {
  const [runId, setRunId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <div className="dashboard-grid page-grid">
      {canTrain ? (
        <Panel title="Train models" span={4} testId="train-panel">
          <TrainForm onStarted={setRunId} />
          {runId ? <TrainingProgress key={runId} runId={runId} /> : null}
        </Panel>
      ) : null}
      <Panel title="Versions" span={canTrain ? 8 : 12} testId="versions-panel">
        <VersionsTable selectedId={selectedId} onSelect={setSelectedId} canPromote={canPromote} />
      </Panel>
      {selectedId ? (
        <Panel title="Version" span={12} testId="version-panel">
          <VersionDetails key={selectedId} versionId={selectedId} />
        </Panel>
      ) : null}
    </div>
  );
}
