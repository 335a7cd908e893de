"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";

export function SignOutButton({ testId = "signout-button", className = "button button-small" }: { testId?: string; className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      data-testid={testId}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/signin" }).catch(() => setPending(false));
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
