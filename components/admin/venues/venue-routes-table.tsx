import type { VenuesView } from "@/lib/server/venues/venue-status";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { venueLabel } from "@/components/venues/venue-words";

const COLUMNS = [{ label: "Symbol" }, { label: "Orders go to" }];

/** Where each symbol's orders go right now (orderVenue: paper unless live mode routes it to a real venue). */
export function VenueRoutesTable({ routes }: { routes: VenuesView["routes"] }) {
  return (
    <DataTable label="Order routes" testId="venue-routes-table" columns={COLUMNS} scroll="none" empty={routes.length === 0 ? "No symbols configured" : null}>
      {routes.map((route) => (
        <tr key={route.symbol} data-testid={`venue-route-${route.symbol}`} data-venue={route.venue}>
          <th scope="row">{route.symbol}</th>
          <td>
            <Badge tone={route.venue === "paper" ? "info" : "danger"} state={route.venue}>
              {route.venue === "paper" ? "Paper" : `${venueLabel(route.venue)} (real funds)`}
            </Badge>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
