import type { MemberWeightView } from "@/lib/server/models/feature-importance";
import { DataTable } from "@/components/ui/data-table";

const COLUMNS = [{ label: "Member" }, { label: "Weight", numeric: true }, { label: "Version" }];

/** The weights the ensemble learned on the validation part (they sum to 1). */
export function EnsembleMembers({ members, versionLabel }: { members: MemberWeightView[]; versionLabel: (id: string | null) => string }) {
  return (
    <figure className="metrics-window">
      <figcaption>Members and learned weights</figcaption>
      <DataTable label="Ensemble members" testId="ensemble-members" columns={COLUMNS} className="stats-table" scroll="none">
        {members.map((m) => (
          <tr key={m.member}>
            <th scope="row">{m.member}</th>
            <td className="num">{m.weight.toFixed(3)}</td>
            <td>{versionLabel(m.versionId)}</td>
          </tr>
        ))}
      </DataTable>
    </figure>
  );
}
