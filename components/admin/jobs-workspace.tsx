"use client";

import { useState } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { Panel } from "@/components/ui/panel";
import { QueryStatus } from "@/components/ui/query-status";
import { makeQueryClient } from "@/lib/client/query-client";
import { useJobs } from "./jobs-queries";
import { JobsRunsTable } from "./jobs-runs-table";
import { JobsTable } from "./jobs-table";

function JobsPanels() {
  const { data, isPending, error } = useJobs();
  const jobs = data?.jobs ?? [];
  return (
    <div className="dashboard-grid page-grid">
      <Panel title="Schedules" span={12} testId="jobs-panel">
        <p className="panel-lead">The pipelines that run themselves. Times are UTC; every job is safe to run again.</p>
        <QueryStatus isPending={isPending} error={error} label="jobs" />
        {data ? <JobsTable jobs={jobs} /> : null}
      </Panel>
      <Panel title="Recent runs" span={12} testId="job-runs-panel">
        <p className="panel-lead">The last 10 attempts of each job: a failed attempt that is retried shows with its attempt number.</p>
        {data ? <JobsRunsTable jobs={jobs} /> : null}
      </Panel>
    </div>
  );
}

export function JobsWorkspace() {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <JobsPanels />
    </QueryClientProvider>
  );
}
