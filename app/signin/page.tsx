import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/signin-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { currentActor } from "@/lib/server/auth/require-actor";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in · TradeForge" };

async function signedIn(): Promise<boolean> {
  try {
    return (await currentActor(await getServerContext()))?.via === "session";
  } catch {
    return false;
  }
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await signedIn()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  return (
    <main className="auth-page">
      <section className="auth-card" aria-labelledby="signin-title">
        <h1 id="signin-title" className="brand">
          TradeForge
        </h1>
        <p className="auth-lead">Sign in to continue.</p>
        <SignInForm callbackUrl={safeCallbackUrl(callbackUrl)} failed={error !== undefined} />
      </section>
    </main>
  );
}
