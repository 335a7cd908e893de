import type { HealthResponse } from "@/lib/api-types";
import { Badge } from "@/components/ui/badge";

export function HealthChecks({ health }: { health: HealthResponse }) {
  return (
    <div data-testid="system-health" data-state={health.status}>
      <p>
        Overall: <Badge tone={health.status === "ok" ? "success" : "danger"} state={health.status}>{health.status.toUpperCase()}</Badge>
      </p>
      <table className="table" aria-label="Health checks">
        <tbody>
          {Object.entries(health.checks).map(([name, check]) => (
            <tr key={name} data-testid="health-check" data-name={name} data-ok={check.ok}>
              <th scope="row">{name}</th>
              <td className={check.ok ? "text-up" : "text-down"}>{check.ok ? "ok" : "failing"}</td>
              <td className="config-value">{check.detail ?? ""}</td>
              <td className="num">{check.latencyMs !== undefined ? `${check.latencyMs} ms` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
