import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/domain/roles";
import { UserMenu } from "@/components/auth/user-menu";

/** The frame of the account pages (profile, admin): brand back to the dashboard, the user menu, the content. */
export function AppShell({ user, nav, children }: { user: { email: string; role: Role }; nav?: ReactNode; children: ReactNode }) {
  return (
    <div className="app">
      <header className="app-header">
        <Link href="/" className="brand brand-link">
          TradeForge
        </Link>
        <UserMenu email={user.email} role={user.role} />
      </header>
      {nav}
      <main className="page-main">{children}</main>
    </div>
  );
}
