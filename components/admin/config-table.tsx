import type { ConfigRow } from "@/lib/server/admin/masked-config";

export function ConfigTable({ rows }: { rows: ConfigRow[] }) {
  return (
    <div className="table-scroll table-scroll-tall">
      <table className="table" data-testid="config-table" aria-label="Configuration">
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} data-testid="config-row" data-name={row.name} data-secret={row.secret}>
              <th scope="row">
                <code>{row.name}</code>
              </th>
              <td className="config-value">{row.set ? <code>{row.value}</code> : <span className="text-faint">(not set)</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
