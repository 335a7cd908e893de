import type { Metadata } from "next";
import { AppShell } from "@/components/auth/app-shell";
import { BacktestsProviders } from "@/components/backtests/backtests-providers";
import { BacktestsWorkspace } from "@/components/backtests/backtests-workspace";
import { pageActor } from "@/lib/server/auth/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Backtests · TradeForge" };

/** Any signed-in user: backtests are the caller's own research and never touch the account or a venue. */
export default async function BacktestsPage() {
  const { actor } = await pageActor("viewer", "/backtests");
  return (
    <AppShell user={{ email: actor.email, role: actor.role }}>
      <BacktestsProviders>
        <BacktestsWorkspace />
      </BacktestsProviders>
    </AppShell>
  );
}
