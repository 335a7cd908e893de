import type { ConfigRow } from "@/lib/server/admin/masked-config";
import { DataTable } from "@/components/ui/data-table";

const CONFIG_COLUMNS = [{ label: "Variable" }, { label: "Value" }];

export function ConfigTable({ rows }: { rows: ConfigRow[] }) {
  return (
    <DataTable label="Configuration" testId="config-table" columns={CONFIG_COLUMNS} scroll="tall">
      {rows.map((row) => (
        <tr key={row.name} data-testid="config-row" data-name={row.name} data-secret={row.secret}>
          <th scope="row">
            <code>{row.name}</code>
          </th>
          <td className="config-value">{row.set ? <code>{row.value}</code> : <span className="text-faint">(not set)</span>}</td>
        </tr>
      ))}
    </DataTable>
  );
}
