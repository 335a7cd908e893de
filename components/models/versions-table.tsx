"use client";

import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/ui/data-table";
import { QueryStatus } from "@/components/ui/query-status";
import { Badge } from "@/components/ui/badge";
import { modelVersionsQuery } from "@/lib/client/model-queries";
import { formatModelTime } from "@/lib/client/model-format";
import { ModelStatusBadge } from "./model-status-badge";
import { PromoteButtons } from "./promote-buttons";

interface VersionsTableProps {
  selectedId: string | null;
  onSelect: (id: string) => void;
  canPromote: boolean;
}

const COLUMNS = [
  { label: "Name" },
  { label: "Version", numeric: true },
  { label: "Market" },
  { label: "Status" },
  { label: "Expired" },
  { label: "Created" },
  { label: "Actions", hidden: true },
];

/** The registry's versions, newest first; every row opens its details, and an admin may promote or archive it. */
export function VersionsTable({ selectedId, onSelect, canPromote }: VersionsTableProps) {
  const { data, isPending, error } = useQuery(modelVersionsQuery());
  const versions = data?.versions ?? [];
  return (
    <>
      <QueryStatus isPending={isPending} error={error} label="model versions" />
      <DataTable label="Model versions" testId="versions-table" columns={COLUMNS} empty={data && versions.length === 0 ? "No versions yet: train a set of models." : null} scroll="tall">
        {versions.map((v) => (
          <tr key={v.id} data-testid="version-row" data-kind={v.kind} data-status={v.status} data-selected={v.id === selectedId} className={v.id === selectedId ? "row-selected" : undefined}>
            <th scope="row">{v.name}</th>
            <td className="num">{v.version}</td>
            <td data-testid="version-market">
              {v.symbol} {v.interval}
            </td>
            <td>
              <ModelStatusBadge status={v.status} />
            </td>
            <td>{v.expired ? <Badge tone="warning" title="Older than the maximum model age: retrain it">expired</Badge> : "no"}</td>
            <td>{formatModelTime(v.createdAt)}</td>
            <td>
              <div className="cancel-cell version-actions">
                <button type="button" className="button button-small" onClick={() => onSelect(v.id)} aria-label={`Details of ${v.name} v${v.version}`}>
                  Details
                </button>
                {canPromote ? <PromoteButtons version={v} /> : null}
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
