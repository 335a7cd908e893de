import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiKey } from "@/lib/auth/api-key-store";
import { hashPassword } from "@/lib/auth/passwords";
import { issueSessionCookie } from "@/lib/auth/session-token";
import { insertUser, type UserRecord } from "@/lib/auth/user-store";
import { createPglite, type DatabaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import type { Role, Scope } from "@/lib/domain/roles";
import { MARKET_WS_PATH } from "@/lib/realtime/events";
import { MarketHub } from "@/lib/realtime/market-hub";
import { handshakeAuthenticator } from "@/lib/realtime/socket-auth";
import { createUiServer, type UiServer } from "@/lib/realtime/socket-server";

export const SECRET = "integration-secret-0123456789-abcdefghij";
/** How often the servers re-check live connections in these tests (production: 60 s). */
export const RECHECK_MS = 150;

export interface FixtureUser {
  user: UserRecord;
  cookie: string;
}

/** PGlite with the real migrations, and Socket.IO /ui plus /ws/market authenticating against it, on one port. */
export class RealtimeFixture {
  readonly io: UiServer;
  readonly hub: MarketHub;
  private readonly server: Server;

  private constructor(readonly database: DatabaseHandle) {
    this.server = createServer();
    const authenticate = handshakeAuthenticator(database.db, SECRET);
    this.io = createUiServer(this.server, authenticate, { recheckMs: RECHECK_MS });
    this.hub = new MarketHub(authenticate, { recheckMs: RECHECK_MS });
    this.server.on("upgrade", (req, socket, head) => {
      if (new URL(req.url ?? "/", "http://x").pathname === MARKET_WS_PATH) void this.hub.handleUpgrade(req, socket, head);
    });
  }

  static async start(): Promise<RealtimeFixture> {
    const database = await createPglite();
    await migrateDatabase(database);
    const fixture = new RealtimeFixture(database);
    await new Promise<void>((resolve) => fixture.server.listen(0, "127.0.0.1", resolve));
    return fixture;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async user(role: Role, accountId: string): Promise<FixtureUser> {
    const user = await insertUser(this.database.db, { email: `${role}-${randomUUID().slice(0, 8)}@example.test`, role, accountId, passwordHash: await hashPassword("not-used-here") });
    return { user: user!, cookie: await issueSessionCookie(user!.id, SECRET) };
  }

  async key(userId: string, scopes: Scope[] = ["read"]): Promise<{ key: string; id: string }> {
    const { key, record } = await createApiKey(this.database.db, { userId, name: "realtime test", scopes });
    return { key, id: record.id };
  }

  async close(): Promise<void> {
    await this.hub.close();
    await new Promise<void>((resolve) => this.io.close(() => resolve()));
    await this.database.close();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
