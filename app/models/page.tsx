import type { Metadata } from "next";
import { AppShell } from "@/components/auth/app-shell";
import { QueryProviders } from "@/components/ui/query-providers";
import { ModelsWorkspace } from "@/components/models/models-workspace";
import { roleAtLeast } from "@/lib/domain/roles";
import { pageActor } from "@/lib/server/auth/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models · TradeForge" };

/** Any signed-in user reads the registry; training needs a trader, promoting an admin (the API checks both again). */
export default async function ModelsPage() {
  const { actor } = await pageActor("viewer", "/models");
  return (
    <AppShell user={{ email: actor.email, role: actor.role }}>
      <QueryProviders>
        <ModelsWorkspace canTrain={roleAtLeast(actor.role, "trader")} canPromote={actor.role === "admin"} />
      </QueryProviders>
    </AppShell>
  );
}
