import type { AuditEntryView } from "@/lib/server/admin/audit-log";
import { UtcTime } from "@/components/auth/utc-time";
import { DataTable } from "@/components/ui/data-table";

const AUDIT_COLUMNS = [
  { label: "#", numeric: true }, { label: "Time" }, { label: "Actor" }, { label: "Action" }, { label: "Target" }, { label: "Details" },
];

export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <DataTable label="Audit log" testId="audit-table" className="audit-table" columns={AUDIT_COLUMNS} scroll="tall" empty={entries.length === 0 ? "No entries match" : null}>
      {entries.map((e) => (
        <tr key={e.id} data-testid="audit-row" data-id={e.id} data-action={e.action}>
          <td className="num">{e.id}</td>
          <td>
            <UtcTime at={e.ts} />
          </td>
          <td>{e.actor}</td>
          <td>
            <code>{e.action}</code>
          </td>
          <td className="audit-target">{e.target ?? ""}</td>
          <td className="audit-details">
            <code>{e.details ?? ""}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
