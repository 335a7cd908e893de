import { decode, encode } from "next-auth/jwt";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The user id in a request's next-auth session cookie, if the cookie is genuine and unexpired. */
export async function sessionUserId(cookieHeader: string | null, secret: string): Promise<string | undefined> {
  for (const name of SESSION_COOKIES) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (typeof payload?.uid === "string") return payload.uid;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A session cookie as next-auth would issue it (tests, and the e2e sign-in shortcut-free path uses the real form). */
export async function issueSessionCookie(userId: string, secret: string, maxAgeSeconds = 3600): Promise<string> {
  const token = await encode({ token: { uid: userId, sub: userId }, secret, maxAge: maxAgeSeconds });
  return `next-auth.session-token=${token}`;
}
