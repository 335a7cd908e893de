import { DataTable } from "@/components/ui/data-table";
import { formatTime } from "@/lib/client/format";
import type { RiskEventView } from "@/lib/server/risk/risk-overview";

/** What the risk engine refused or changed, newest first. */
export function RiskEventsTable({ events }: { events: readonly RiskEventView[] }) {
  return (
    <DataTable label="Risk events" testId="risk-events" columns={[{ label: "Time" }, { label: "Code" }, { label: "What happened" }]} empty={events.length === 0 ? "No risk events yet." : null} scroll="tall">
      {events.map((e) => (
        <tr key={e.id} data-testid="risk-event-row">
          <td>{formatTime(e.ts)}</td>
          <td><code>{e.code}</code></td>
          <td>{e.message}</td>
        </tr>
      ))}
    </DataTable>
  );
}
