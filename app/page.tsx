import { Dashboard } from "@/components/layout/dashboard";
import { Providers } from "@/app/providers";
import { pageActor } from "@/lib/server/auth/page-actor";
import { getDashboardConfig } from "@/lib/server/dashboard";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { ctx, actor } = await pageActor("viewer", "/");
  const config = await getDashboardConfig(ctx, actor);
  return (
    <Providers realtimeUrl={config.realtimeUrl}>
      <Dashboard config={config} />
    </Providers>
  );
}
