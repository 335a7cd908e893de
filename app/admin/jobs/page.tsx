import { JobsWorkspace } from "@/components/admin/jobs-workspace";
import { pageActor } from "@/lib/server/auth/page-actor";

export const dynamic = "force-dynamic";

/** Admins only: every scheduled pipeline, its last runs, and "Run now" (the API checks the role again). */
export default async function AdminJobsPage() {
  await pageActor("admin", "/admin/jobs");
  return <JobsWorkspace />;
}
