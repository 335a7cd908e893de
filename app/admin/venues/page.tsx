import { VenuesWorkspace } from "@/components/admin/venues/venues-workspace";
import { pageActor } from "@/lib/server/auth/page-actor";
import { getVenueAdminView } from "@/lib/server/venues/venue-admin";

export const dynamic = "force-dynamic";

/** Admins only: where each symbol's orders go, each venue's connection and keys, and a connection test. */
export default async function AdminVenuesPage() {
  const { ctx, actor } = await pageActor("admin", "/admin/venues");
  return <VenuesWorkspace view={await getVenueAdminView(ctx, actor)} />;
}
