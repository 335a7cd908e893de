import Link from "next/link";
import type { Role } from "@/lib/domain/roles";
import { SignOutButton } from "@/components/auth/signout-button";

/** Who is signed in, where they can go, and the way out; the Admin link only for admins (the pages check again). */
export function UserMenu({ email, role }: { email: string; role: Role }) {
  return (
    <nav className="user-menu" data-testid="user-menu" aria-label="Account">
      <span className="user-email" title={email}>
        {email}
      </span>
      <span className={`badge role-badge role-${role}`} data-testid="user-role" data-role={role}>
        {role}
      </span>
      <Link href="/backtests" className="user-link" data-testid="nav-backtests">
        Backtests
      </Link>
      <Link href="/models" className="user-link" data-testid="nav-models">
        Models
      </Link>
      <Link href="/risk" className="user-link" data-testid="nav-risk">
        Risk
      </Link>
      <Link href="/profile" className="user-link" data-testid="nav-profile">
        Profile
      </Link>
      {role === "admin" ? (
        <Link href="/admin" className="user-link" data-testid="nav-admin">
          Admin
        </Link>
      ) : null}
      <SignOutButton />
    </nav>
  );
}
