import { getDashboardConfig } from "@/lib/server/dashboard";
import { Dashboard } from "@/components/layout/dashboard";
import { Providers } from "@/app/providers";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const config = await getDashboardConfig();
  return (
    <Providers realtimeUrl={config.realtimeUrl}>
      <Dashboard config={config} />
    </Providers>
  );
}
