import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { resolveSecrets } from "@/lib/auth/local-secrets";
import { publishAuthUrl } from "@/lib/config";
import { verifyPassword } from "@/lib/auth/passwords";
import { findUserByEmail, normalizeEmail } from "@/lib/auth/user-store";
import { alertSecurityEvent, alerterOf } from "@/lib/alerts";
import { appendAudit } from "@/lib/db/audit";
import type { ServerContext } from "../context";
import { signInGuard } from "./sign-in-guard";

const credentialsSchema = z.object({ email: z.string().email().max(200), password: z.string().min(1).max(200) });

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return (typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined) || "local";
}

/** next-auth (4.x) behind one module: credentials sign-in, JWT sessions carrying the user id and role. */
export function buildAuthOptions(ctx: ServerContext): NextAuthOptions {
  const { config, database } = ctx;
  publishAuthUrl(config);
  const secure = config.PUBLIC_URL?.startsWith("https://") ?? false;
  return {
    secret: resolveSecrets(config).AUTH_SECRET,
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: config.SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const email = normalizeEmail(parsed.data.email);
          const ip = clientIp(req?.headers as Record<string, unknown> | undefined);
          const guard = await signInGuard(ctx);
          if (await guard.isLocked(email, ip)) {
            await appendAudit(database.db, { actor: email, action: "auth.signin.locked", details: { ip } });
            return null;
          }
          const user = await findUserByEmail(database.db, email);
          const ok = (await verifyPassword(parsed.data.password, user?.passwordHash ?? null)) && user !== undefined && !user.disabled;
          if (!ok || !user) {
            const lockedNow = await guard.recordFailure(email, ip);
            await appendAudit(database.db, { actor: email, action: lockedNow ? "auth.lockout" : "auth.signin.failed", details: { ip, reason: user?.disabled ? "disabled" : "bad credentials" } });
            if (lockedNow) void alertSecurityEvent(alerterOf(ctx), { event: "signin_lockout", subject: email, message: `${email} was locked out after ${config.SIGNIN_MAX_FAILURES} failed sign-ins (last from ${ip}).` });
            return null;
          }
          await guard.reset(email, ip);
          await appendAudit(database.db, { actor: email, action: "auth.signin", target: user.id, details: { ip } });
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.uid, role: token.role } };
      },
    },
  };
}
