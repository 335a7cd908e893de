"use client";

import { useState } from "react";
import { Panel } from "@/components/ui/panel";
import { LiveHitRatePanel } from "./live-hit-rate-panel";
import { TrainForm } from "./train-form";
import { TrainingRuns } from "./training-runs";
import { VersionDetails } from "./version-details";
import { VersionsTable } from "./versions-table";

interface ModelsWorkspaceProps {
  canTrain: boolean;
  canPromote: boolean;
}

/** The models page: train, follow every run, list the registry's versions, open one, compare live hit rates. */
export function ModelsWorkspace({ canTrain, canPromote }: ModelsWorkspaceProps) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <div className="dashboard-grid page-grid">
      {canTrain ? (
        <>
          <Panel title="Train models" span={4} testId="train-panel">
            <TrainForm />
          </Panel>
          <Panel title="Training runs" span={8} testId="training-runs-panel">
            <TrainingRuns canCancel={canTrain} />
          </Panel>
        </>
      ) : null}
      <Panel title="Versions" span={12} testId="versions-panel">
        <VersionsTable selectedId={selectedId} onSelect={setSelectedId} canPromote={canPromote} />
      </Panel>
      {selectedId ? (
        <Panel title="Version" span={12} testId="version-panel">
          <VersionDetails key={selectedId} versionId={selectedId} />
        </Panel>
      ) : null}
      <Panel title="Live hit rate" span={12} testId="live-hit-rate-panel">
        <LiveHitRatePanel />
      </Panel>
    </div>
  );
}
