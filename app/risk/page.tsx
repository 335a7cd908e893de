import type { Metadata } from "next";
import { AppShell } from "@/components/auth/app-shell";
import { QueryProviders } from "@/components/ui/query-providers";
import { RiskWorkspace } from "@/components/risk/risk-workspace";
import { roleAtLeast } from "@/lib/domain/roles";
import { pageActor } from "@/lib/server/auth/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Risk · TradeForge" };

/** Anyone signed in reads the risk state; traders pull the kill switch; admins change limits and re-arm. */
export default async function RiskPage() {
  const { actor } = await pageActor("viewer", "/risk");
  return (
    <AppShell user={{ email: actor.email, role: actor.role }}>
      <QueryProviders>
        <RiskWorkspace canTrade={roleAtLeast(actor.role, "trader")} isAdmin={actor.role === "admin"} />
      </QueryProviders>
    </AppShell>
  );
}
