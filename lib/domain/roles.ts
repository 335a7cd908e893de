export const ROLES = ["viewer", "trader", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What an API key may do; a key never does more than its owner's role allows. */
export const SCOPES = ["read", "trade", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

const RANK: Record<Role, number> = { viewer: 0, trader: 1, admin: 2 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** The scopes a role carries: viewer reads, trader also trades, admin also administers. */
export function scopesOfRole(role: Role): Scope[] {
  return role === "admin" ? ["read", "trade", "admin"] : role === "trader" ? ["read", "trade"] : ["read"];
}

/** The role a scope needs, so a request is checked once whichever way it authenticated. */
export function roleForScope(scope: Scope): Role {
  return scope === "admin" ? "admin" : scope === "trade" ? "trader" : "viewer";
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
