import type { IncomingHttpHeaders } from "node:http";
import type { Actor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import type { Database } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { isAllowedOrigin, type OriginPolicy } from "@/lib/server/security/origin-check";
import { rooms } from "./events";

/** What a realtime client presented when it connected; kept to re-check the same credentials later. */
export interface HandshakeCredentials {
  cookie?: string | null;
  authorization?: string | null;
  /** Socket.IO `auth: { token }`: an API key from a program that cannot set headers. */
  authToken?: unknown;
  origin?: string | null;
  host?: string | null;
  /** Set by a reverse proxy; a browser cannot add headers to a WebSocket handshake, so it cannot forge this. */
  forwardedHost?: string | null;
}

export type HandshakeAuthenticator = (credentials: HandshakeCredentials) => Promise<Actor | undefined>;

export interface HandshakeOptions {
  /** Origins trusted besides the gateway's own (PUBLIC_URL). */
  trustedOrigins?: readonly (string | undefined)[];
  /** A split gateway without PUBLIC_URL does not know the web's port: trust any port of its own hostname. */
  anyPort?: boolean;
}

export const UNAUTHENTICATED = "UNAUTHENTICATED";

/** How often a live connection's credentials are checked again, so a disabled user or revoked key is cut off. */
export const RECHECK_INTERVAL_MS = 60_000;

const header = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));

export function credentialsFromHeaders(headers: IncomingHttpHeaders, authToken?: unknown): HandshakeCredentials {
  return {
    cookie: header(headers.cookie), authorization: header(headers.authorization), authToken,
    origin: header(headers.origin), host: header(headers.host), forwardedHost: header(headers["x-forwarded-host"]),
  };
}

/**
 * Who is connecting: an API key (auth token or bearer header) else the session cookie, through the same
 * resolveActor as HTTP. A cookie is ambient (the browser attaches it for any page of the same site), so a
 * cookie-authenticated handshake must come from one of our pages: cross-site WebSocket hijacking is refused.
 */
export async function authenticateHandshake(db: Database, secret: string, credentials: HandshakeCredentials, options: HandshakeOptions = {}): Promise<Actor | undefined> {
  const token = typeof credentials.authToken === "string" && credentials.authToken.length > 0 ? credentials.authToken : undefined;
  const authorization = token ? `Bearer ${token}` : (credentials.authorization ?? null);
  const viaKey = authorization?.startsWith("Bearer ") ?? false;
  if (!viaKey && credentials.origin) {
    const policy: OriginPolicy = { hosts: [credentials.host, credentials.forwardedHost], trustedOrigins: options.trustedOrigins ?? [], anyPort: options.anyPort };
    if (!isAllowedOrigin(credentials.origin, policy)) return undefined;
  }
  const { actor } = await resolveActor(db, { authorization, cookie: viaKey ? null : (credentials.cookie ?? null) }, secret);
  return actor?.scopes.includes("read") ? actor : undefined;
}

/** The authenticator the realtime servers take; refusals are logged (who tried is unknown, where from is not). */
export function handshakeAuthenticator(db: Database, secret: string, options: HandshakeOptions = {}): HandshakeAuthenticator {
  const log = logger("realtime-auth");
  return async (credentials) => {
    const actor = await authenticateHandshake(db, secret, credentials, options);
    if (!actor) log.warn({ origin: credentials.origin ?? null, method: credentials.authToken || credentials.authorization ? "api-key" : credentials.cookie ? "cookie" : "none" }, "realtime connection refused");
    return actor;
  };
}

/** Market and system rooms are open to any signed-in user; an account room only to that account's users. */
export function mayJoinRoom(actor: Actor, room: string): boolean {
  return !room.startsWith("account.") || room === rooms.account(actor.accountId);
}
