"use client";

import { UtcTime } from "@/components/auth/utc-time";
import { DataTable } from "@/components/ui/data-table";
import type { JobScheduleView } from "@/lib/server/admin/jobs";
import { formatDuration, resultText } from "./jobs-format";
import { JobsStatusBadge } from "./jobs-status-badge";

const COLUMNS = [
  { label: "Job" }, { label: "Started" }, { label: "Trigger" }, { label: "Attempt", numeric: true }, { label: "Outcome" }, { label: "Duration", numeric: true },
  { label: "Result or error" },
];

/** The last runs of every schedule, newest first, with each attempt's summary or error. */
export function JobsRunsTable({ jobs }: { jobs: JobScheduleView[] }) {
  const runs = jobs.flatMap((job) => job.runs.map((run) => ({ ...run, name: job.name }))).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <DataTable label="Recent runs" testId="job-runs-table" columns={COLUMNS} scroll="tall" empty={runs.length === 0 ? "No runs yet" : null}>
      {runs.map((run) => (
        <tr key={run.id} data-testid="job-run-row" data-job={run.name} data-status={run.status} data-trigger={run.trigger}>
          <th scope="row">{run.name}</th>
          <td>
            <UtcTime at={Date.parse(run.startedAt)} />
          </td>
          <td>{run.trigger}</td>
          <td className="num">{run.attempt}</td>
          <td>
            <JobsStatusBadge status={run.status} />
          </td>
          <td className="num">{formatDuration(run.durationMs)}</td>
          <td className={run.error ? "text-down" : "text-faint"} title={run.error ?? JSON.stringify(run.result)}>
            <code>{run.error ?? resultText(run.result)}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
