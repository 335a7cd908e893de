import "server-only";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { ServerContext } from "../context";
import { createRateLimiter } from "../create-rate-limiter";

export interface SignInGuard {
  isLocked(email: string, ip: string): Promise<boolean>;
  /** Counts a failure; true when this failure locked the account out. */
  recordFailure(email: string, ip: string): Promise<boolean>;
  reset(email: string, ip: string): Promise<void>;
}

const KEY = Symbol.for("tradeforge.sign-in-guard");
type Registry = { [KEY]?: Promise<SignInGuard> };

function limiter(ctx: ServerContext, points: number, prefix: string): Promise<RateLimiterAbstract> {
  const lockout = ctx.config.SIGNIN_LOCKOUT_MINUTES * 60;
  return createRateLimiter(ctx.config.REDIS_URL, prefix, { keyPrefix: prefix, points, duration: lockout, blockDuration: lockout });
}

/** Locks an email out after SIGNIN_MAX_FAILURES failures (and an IP after ten times that) for SIGNIN_LOCKOUT_MINUTES. */
export function signInGuard(ctx: ServerContext): Promise<SignInGuard> {
  const registry = globalThis as Registry;
  registry[KEY] ??= (async () => {
    const byEmail = await limiter(ctx, ctx.config.SIGNIN_MAX_FAILURES, "tf-signin-email");
    const byIp = await limiter(ctx, ctx.config.SIGNIN_MAX_FAILURES * 10, "tf-signin-ip");
    const locked = async (l: RateLimiterAbstract, key: string) => ((await l.get(key))?.remainingPoints ?? 1) <= 0;
    return {
      isLocked: async (email, ip) => (await locked(byEmail, email)) || (await locked(byIp, ip)),
      async recordFailure(email, ip) {
        const results = await Promise.allSettled([byEmail.penalty(email, 1), byIp.penalty(ip, 1)]);
        const emailState = results[0].status === "fulfilled" ? results[0].value : undefined;
        return (emailState?.remainingPoints ?? 1) <= 0 || (await locked(byIp, ip));
      },
      async reset(email) {
        await byEmail.delete(email);
      },
    };
  })();
  return registry[KEY];
}
