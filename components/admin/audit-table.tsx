import type { AuditEntryView } from "@/lib/server/admin/audit-log";
import { UtcTime } from "@/components/auth/utc-time";
import { EmptyRow } from "@/components/ui/empty-row";

export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <div className="table-scroll table-scroll-tall">
      <table className="table audit-table" data-testid="audit-table" aria-label="Audit log">
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 ? <EmptyRow colSpan={6}>No entries match</EmptyRow> : null}
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
        </tbody>
      </table>
    </div>
  );
}
