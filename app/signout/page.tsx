import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/signout-button";

// Rendered per request: the CSP nonce the proxy sets reaches only dynamically rendered pages, so a static page
// would have its scripts blocked and this button would never work.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign out · TradeForge" };

export default function SignOutPage() {
  return (
    <main className="auth-page">
      <section className="auth-card" aria-labelledby="signout-title">
        <h1 id="signout-title" className="brand">
          TradeForge
        </h1>
        <p className="auth-lead">Sign out of this browser?</p>
        <div className="auth-actions">
          <SignOutButton testId="signout-submit" className="button button-primary" />
          <Link href="/" className="user-link">
            Back to the dashboard
          </Link>
        </div>
      </section>
    </main>
  );
}
