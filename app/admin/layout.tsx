import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppShell } from "@/components/auth/app-shell";
import { pageActor } from "@/lib/server/auth/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin · TradeForge" };

/** Non-admins get a 404 here; each page and every admin action checks again, since layouts are not re-run on client navigation. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor } = await pageActor("admin", "/admin");
  return (
    <AppShell user={{ email: actor.email, role: actor.role }} nav={<AdminNav />}>
      {children}
    </AppShell>
  );
}
