"use client";

import { useState } from "react";
import { Panel } from "@/components/ui/panel";
import { RunCompare } from "./compare/run-compare";
import { RunForm } from "./run-form/run-form";
import { RunList } from "./run-list/run-list";
import { RunView } from "./run-view/run-view";

/**
 * The backtests page: start a run, follow the server's runs, open one, compare two. Which run is open is the only
 * state kept here; the runs themselves come from the API, so a reload shows the same list.
 */
export function BacktestsWorkspace() {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <div className="dashboard-grid page-grid">
      <Panel title="New run" span={4} testId="run-form-panel">
        <RunForm onStarted={setSelectedId} />
      </Panel>
      <Panel title="Runs" span={8} testId="runs-panel">
        <RunList selectedId={selectedId} onSelect={setSelectedId} />
      </Panel>
      {selectedId ? (
        <Panel title="Run" span={12} testId="run-panel">
          <RunView key={selectedId} runId={selectedId} />
        </Panel>
      ) : null}
      <Panel title="Compare two runs" span={12} testId="compare-panel">
        <RunCompare />
      </Panel>
    </div>
  );
}
