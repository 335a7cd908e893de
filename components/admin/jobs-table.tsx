"use client";

import { UtcTime } from "@/components/auth/utc-time";
import { DataTable } from "@/components/ui/data-table";
import type { JobScheduleView } from "@/lib/server/admin/jobs";
import { formatDuration } from "./jobs-format";
import { JobsRunButton } from "./jobs-run-button";
import { JobsStatusBadge } from "./jobs-status-badge";

const COLUMNS = [
  { label: "Job" }, { label: "Cadence" }, { label: "Next run" }, { label: "Last outcome" }, { label: "Duration", numeric: true }, { label: "Finished" },
  { label: "Actions", hidden: true },
];

const ms = (iso: string | null) => (iso ? Date.parse(iso) : null);

/** One row per schedule: what it does, when it runs next, and how its last run went. */
export function JobsTable({ jobs }: { jobs: JobScheduleView[] }) {
  return (
    <DataTable label="Schedules" testId="jobs-table" columns={COLUMNS} scroll="none">
      {jobs.map((job) => {
        const last = job.runs[0];
        return (
          <tr key={job.name} data-testid="job-row" data-job={job.name}>
            <th scope="row">
              <div>{job.name}</div>
              <div className="text-faint">{job.description}</div>
            </th>
            <td>
              {job.cadence}
              {job.setting ? <div className="text-faint">{job.setting}</div> : null}
            </td>
            <td>
              <UtcTime at={ms(job.nextRunAt)} />
            </td>
            <td>{last ? <JobsStatusBadge status={last.status} /> : <span className="text-faint">never run</span>}</td>
            <td className="num">{formatDuration(last?.durationMs ?? null)}</td>
            <td>
              <UtcTime at={ms(last?.finishedAt ?? null)} />
            </td>
            <JobsRunButton name={job.name} />
          </tr>
        );
      })}
    </DataTable>
  );
}
