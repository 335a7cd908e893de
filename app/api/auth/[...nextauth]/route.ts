import NextAuth from "next-auth";
import { buildAuthOptions } from "@/lib/server/auth/auth-options";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function auth(request: Request, context: RouteContext): Promise<Response> {
  const ctx = await getServerContext();
  // next-auth 4 reads params synchronously; Next.js 16 hands them over as a promise.
  const params = await context.params;
  return (NextAuth as unknown as (req: Request, res: { params: { nextauth: string[] } }, options: unknown) => Promise<Response>)(request, { params }, buildAuthOptions(ctx));
}

export { auth as GET, auth as POST };
