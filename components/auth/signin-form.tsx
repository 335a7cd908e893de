"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";

// One message for every failure, so the form does not tell which emails exist or which accounts are locked.
const FAILED = "Invalid email or password, or the account is locked";

/** `failed`: next-auth sent the browser back here with an error (a sign-in without JavaScript, say). */
export function SignInForm({ callbackUrl, failed = false }: { callbackUrl: string; failed?: boolean }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(failed ? FAILED : null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const target = safeCallbackUrl(callbackUrl);
    try {
      const result = await signIn("credentials", { email: email.trim(), password, redirect: false, callbackUrl: target });
      if (!result || result.error || !result.ok) {
        setError(FAILED);
        setPending(false);
        return;
      }
      // A full navigation, so the server renders the next page with the new session cookie.
      window.location.assign(target);
    } catch {
      setError("Sign-in is unavailable right now; try again");
      setPending(false);
    }
  }

  return (
    <form className="auth-form" data-testid="signin-form" onSubmit={submit} aria-label="Sign in">
      <label className="field">
        <span>Email</span>
        <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="signin-email" />
      </label>
      <label className="field">
        <span>Password</span>
        <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="signin-password" />
      </label>
      <button type="submit" className="button button-primary" disabled={pending} data-testid="signin-submit">
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {error ? (
        <p className="inline-error" role="alert" data-testid="signin-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
