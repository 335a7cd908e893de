import type { Role, Scope } from "@/lib/domain/roles";

/** Who is asking: a signed-in person or a program with an API key, as the database says now. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  accountId: string;
  /** A session carries its role's scopes; a key carries its own (never more than the role). */
  scopes: Scope[];
  via: "session" | "api-key";
  apiKeyId?: string;
}

/** The audit log's actor field: who did it and how. */
export function actorLabel(actor: Actor): string {
  return actor.via === "api-key" ? `${actor.email} (api key ${actor.apiKeyId})` : actor.email;
}
